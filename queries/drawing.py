"""Pictures of citation networks (graphs from ``queries.networks``): a matplotlib
figure and a self-contained interactive HTML page (inline SVG and a few lines of
script, no network access needed to open it). Both colour instruments by body and
draw each citation by the part of the text it stands in: operative (``resolves``,
``instructs``, ``invites``) solid, preamble (``recalling``, ``noting`` …) dashed,
no heading dotted."""

from __future__ import annotations

import html
import json
import math
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from itukg.ontology.lexicon import load_lexicon
from itukg.queries.networks import simple, work_key

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.axes import Axes

Pos = dict[str, tuple[float, float]]

BODY_COLOURS = {
    "pp": "#1f77b4",
    "council": "#9ecae1",
    "wtdc": "#2ca02c",
    "itu-d": "#98df8a",
    "wtsa": "#ff7f0e",
    "itu-t": "#ffbb78",
    "wrc": "#d62728",
    "ra": "#e7969c",
    "itu-r": "#ff9896",
    "itu": "#17becf",
    "unga": "#9467bd",
    "wsis": "#8c564b",
    "wtpf": "#e377c2",
    "wcit": "#bcbd22",
    "doc": "#7f7f7f",
}
OTHER_COLOUR = "#c7c7c7"
PARTS = ("operative", "preamble", "none")
PART_DASHES: dict[str, Literal["solid", "dashed", "dotted"]] = {
    "operative": "solid",
    "preamble": "dashed",
    "none": "dotted",
}
_SVG_DASHES = {"operative": "", "preamble": "6 4", "none": "2 3"}
_BEND = {"operative": 0.0, "preamble": 0.12, "none": -0.12}


def body_colour(body: str) -> str:
    return BODY_COLOURS.get(body, OTHER_COLOUR)


@lru_cache(maxsize=1)
def _parts() -> dict[str, str]:
    return {f"itu:{s.cites_as}": s.part for s in load_lexicon().sections}


def relation_part(relation: str) -> str:
    """``operative``, ``preamble`` or ``none`` (a citation under no heading)."""
    return _parts().get(relation, "none")


def edge_groups(g: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[str]]:
    """(source, target, part) → the relations of the citations drawn as one line."""
    out: dict[tuple[str, str, str], list[str]] = {}
    for u, v, d in g.edges(data=True):
        rels = out.setdefault((u, v, relation_part(d["relation"])), [])
        if d["relation"] not in rels:
            rels.append(d["relation"])
    return out


def _marked(g: nx.MultiDiGraph, centre: str | None) -> set[str]:
    """The nodes drawn outlined: ``centre``, or every version of a work key."""
    if centre is None:
        return set()
    if centre in g:
        return {centre}
    return {str(n) for n in g if work_key(n) == centre}


def layout(g: nx.MultiDiGraph, centre: str | None = None, seed: int = 7) -> Pos:
    """Spring layout of the citing pairs (deterministic for a seed), ``centre``
    fixed in the middle."""
    import networkx as nx

    und = nx.Graph(simple(g))
    n = max(und.number_of_nodes(), 1)
    fixed = {centre: (0.0, 0.0)} if centre in und else None
    pos = nx.spring_layout(
        und,
        k=2.0 / math.sqrt(n),
        pos=fixed,
        fixed=list(fixed) if fixed else None,
        seed=seed,
        iterations=200,
    )
    return {str(k): (float(x), float(y)) for k, (x, y) in pos.items()}


def _weights(g: nx.MultiDiGraph, given: Mapping[str, float] | None) -> dict[str, float]:
    """Node weights for sizes: ``given`` (0 when missing), else in-degree in ``g``."""
    if given is None:
        d = simple(g)
        return {str(n): float(d.in_degree(n)) for n in d}
    return {str(n): float(given.get(n, 0)) for n in g}


def draw(
    g: nx.MultiDiGraph,
    ax: Axes | None = None,
    centre: str | None = None,
    title: str | None = None,
    seed: int = 7,
    weights: Mapping[str, float] | None = None,
) -> Axes:
    """Draw ``g`` on ``ax`` (a new figure when None): colour by body, line style by
    part, ``centre`` outlined (for a work key: all its versions), node size by
    ``weights`` (default: in-degree in ``g``; pass the in-degree in a larger graph
    to show importance there)."""
    import matplotlib.pyplot as plt
    import networkx as nx
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if ax is None:
        ax = plt.subplots(figsize=(13, 9))[1]
    pos = layout(g, centre, seed)
    weight = _weights(g, weights)
    marked = _marked(g, centre)
    nodes = list(g)
    size = [80 + 40 * weight[n] for n in nodes]
    nx.draw_networkx_nodes(
        g,
        pos,
        nodelist=nodes,
        ax=ax,
        node_size=size,
        node_color=[body_colour(g.nodes[n]["body"]) for n in nodes],
        edgecolors=["black" if n in marked else "white" for n in nodes],
        linewidths=[2.5 if n in marked else 0.8 for n in nodes],
    )
    groups = edge_groups(g)
    for part in PARTS:
        edges = [(u, v) for (u, v, p) in groups if p == part]
        if edges:
            nx.draw_networkx_edges(
                nx.DiGraph(simple(g)),
                pos,
                edgelist=edges,
                nodelist=nodes,
                node_size=size,
                ax=ax,
                style=PART_DASHES[part],
                edge_color="#555555",
                alpha=0.7,
                arrowsize=9,
                connectionstyle=f"arc3,rad={_BEND[part]}",
            )
    ys = [y for _, y in pos.values()]
    drop = 0.035 * ((max(ys) - min(ys)) or 1.0)
    for n, (x, y) in pos.items():
        ax.text(
            x,
            y - drop,
            n,
            fontsize=7,
            ha="center",
            va="top",
            fontweight="bold" if n in marked else "normal",
            bbox={
                "boxstyle": "round,pad=0.1",
                "fc": "white",
                "ec": "none",
                "alpha": 0.6,
            },
        )
    bodies = sorted({g.nodes[n]["body"] for n in nodes})
    body_legend = ax.legend(
        handles=[Patch(color=body_colour(b), label=b or "?") for b in bodies],
        title="body",
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        fontsize=8,
    )
    ax.add_artist(body_legend)
    ax.legend(
        handles=[
            Line2D([], [], color="#555555", linestyle=PART_DASHES[p], label=p)
            for p in PARTS
            if any(k[2] == p for k in groups)
        ],
        title="cited in",
        loc="lower left",
        bbox_to_anchor=(1.0, 0.0),
        fontsize=8,
    )
    if title:
        ax.set_title(title)
    ax.set_axis_off()
    return ax


_W, _H, _MARGIN = 1000.0, 720.0, 70.0


def _screen(pos: Pos) -> Pos:
    """Layout coordinates scaled into the SVG's view box (y grows downwards)."""
    if not pos:
        return {}
    xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
    dx, dy = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {
        k: (
            _MARGIN + (x - min(xs)) / dx * (_W - 2 * _MARGIN),
            _MARGIN + (max(ys) - y) / dy * (_H - 2 * _MARGIN),
        )
        for k, (x, y) in pos.items()
    }


def _curve(
    a: tuple[float, float], b: tuple[float, float], bend: float, r: float
) -> str:
    """A quadratic curve from ``a`` to the rim (radius ``r``) of the node at ``b``."""
    (x1, y1), (x2, y2) = a, b
    cx, cy = (x1 + x2) / 2 - (y2 - y1) * bend, (y1 + y2) / 2 + (x2 - x1) * bend
    length = math.hypot(x2 - cx, y2 - cy) or 1.0
    ex, ey = x2 - (x2 - cx) / length * r, y2 - (y2 - cy) / length * r
    return f"M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}"


def _node_data(g: nx.MultiDiGraph) -> dict[str, dict[str, object]]:
    """What the page's side panel shows for each node."""
    links: dict[tuple[str, str], dict[str, list[str]]] = {}
    for u, v, d in g.edges(data=True):
        for key, side, other in ((u, "cites", v), (v, "cited_by", u)):
            got = links.setdefault((key, side), {}).setdefault(other, [])
            if d["relation"] not in got:
                got.append(d["relation"])
    return {
        str(n): {
            **{k: d[k] for k in ("label", "body", "kind", "year")},
            "cites": links.get((n, "cites"), {}),
            "cited_by": links.get((n, "cited_by"), {}),
        }
        for n, d in g.nodes(data=True)
    }


_CSS = """
body{margin:0;font:13px system-ui,sans-serif;display:flex;height:100vh}
svg{flex:1;background:#fff;cursor:grab}
aside{width:330px;padding:10px 14px;border-left:1px solid #ddd;overflow:auto}
h1{font-size:15px;margin:4px 0 8px} h2{font-size:13px;margin:12px 0 4px}
.e{fill:none;stroke:#666;stroke-width:1.2;opacity:.75}
.n circle{stroke:#fff;stroke-width:1} .n.c circle{stroke:#000;stroke-width:3}
.n text{font-size:10px;fill:#222;pointer-events:none}
.focus .e{opacity:.08} .focus .e.hl{opacity:1;stroke:#000;stroke-width:2}
.focus .n{opacity:.25} .focus .n.hl{opacity:1}
.sw{display:inline-block;width:11px;height:11px;border-radius:6px;margin-right:5px}
ul{padding-left:18px;margin:2px 0} li{margin:1px 0} small{color:#666}
"""

_JS = """
const svg=document.getElementById('net'),vb=svg.viewBox.baseVal;
const data=JSON.parse(document.getElementById('data').textContent);
function pt(e){const r=svg.getBoundingClientRect();
 return {x:vb.x+(e.clientX-r.left)/r.width*vb.width,
         y:vb.y+(e.clientY-r.top)/r.height*vb.height};}
svg.addEventListener('wheel',e=>{e.preventDefault();
 const k=e.deltaY>0?1.15:1/1.15,p=pt(e);
 vb.x=p.x-(p.x-vb.x)*k;vb.y=p.y-(p.y-vb.y)*k;vb.width*=k;vb.height*=k;});
let drag=null;
svg.addEventListener('mousedown',e=>{drag={x:e.clientX,y:e.clientY};});
window.addEventListener('mouseup',()=>{drag=null;});
svg.addEventListener('mousemove',e=>{if(!drag)return;
 const r=svg.getBoundingClientRect();
 vb.x-=(e.clientX-drag.x)/r.width*vb.width;
 vb.y-=(e.clientY-drag.y)/r.height*vb.height;
 drag={x:e.clientX,y:e.clientY};});
function focus(k){const d=k&&data[k];svg.classList.toggle('focus',!!d);
 document.querySelectorAll('.e').forEach(p=>p.classList.toggle('hl',
  !!d&&(p.dataset.u===k||p.dataset.v===k)));
 document.querySelectorAll('.n').forEach(n=>n.classList.toggle('hl',!!d&&
  (n.dataset.k===k||n.dataset.k in d.cites||n.dataset.k in d.cited_by)));}
function el(tag,text){const e=document.createElement(tag);e.textContent=text;
 return e;}
function list(title,m){const ul=el('ul','');
 for(const [k,rels] of Object.entries(m)){const li=el('li',k+' ');
  li.appendChild(el('small',rels.join(', ')));ul.appendChild(li);}
 return [el('h2',title+' ('+Object.keys(m).length+')'),ul];}
function show(k){const d=data[k],box=document.getElementById('info');
 box.replaceChildren(el('h2',d.label),
  el('div',k+' · '+d.body+' · '+d.kind+(d.year?' · '+d.year:'')),
  ...list('cites',d.cites),...list('cited by',d.cited_by));}
let pinned=null;
document.querySelectorAll('.n').forEach(n=>{
 n.addEventListener('mouseenter',()=>{if(!pinned)focus(n.dataset.k);});
 n.addEventListener('mouseleave',()=>{if(!pinned)focus(null);});
 n.addEventListener('click',e=>{e.stopPropagation();pinned=n.dataset.k;
  focus(pinned);show(pinned);});});
svg.addEventListener('dblclick',()=>{pinned=null;focus(null);});
"""


def _svg(
    g: nx.MultiDiGraph,
    centre: str | None,
    seed: int,
    weights: Mapping[str, float] | None,
) -> list[str]:
    pos = _screen(layout(g, centre, seed))
    weight = _weights(g, weights)
    marked = _marked(g, centre)
    radius = {n: 5.0 + 2.5 * math.sqrt(weight[n]) for n in pos}
    out = [
        f'<svg id="net" viewBox="0 0 {_W:.0f} {_H:.0f}" '
        'xmlns="http://www.w3.org/2000/svg"><defs><marker id="arrow" '
        'viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/>'
        "</marker></defs>"
    ]
    for (u, v, part), rels in edge_groups(g).items():
        d = _curve(pos[u], pos[v], _BEND[part], radius[v] + 1)
        tip = html.escape(f"{u} → {v}: {', '.join(rels)}")
        out.append(
            f'<path class="e" d="{d}" data-u="{html.escape(u)}" '
            f'data-v="{html.escape(v)}" stroke-dasharray="{_SVG_DASHES[part]}" '
            f'marker-end="url(#arrow)"><title>{tip}</title></path>'
        )
    for n, (x, y) in pos.items():
        a = g.nodes[n]
        tip = html.escape(f"{a['label']}\n{n} · {a['body']} · {a['kind']}")
        out.append(
            f'<g class="n{" c" if n in marked else ""}" data-k="{html.escape(n)}" '
            f'transform="translate({x:.1f},{y:.1f})"><circle r="{radius[n]:.1f}" '
            f'fill="{body_colour(a["body"])}"/><text x="{radius[n] + 2:.1f}" dy="3">'
            f"{html.escape(n)}</text><title>{tip}</title></g>"
        )
    out.append("</svg>")
    return out


def _legend(g: nx.MultiDiGraph) -> str:
    bodies = sorted({str(d["body"]) for _, d in g.nodes(data=True)})
    items = "".join(
        f'<li><span class="sw" style="background:{body_colour(b)}"></span>'
        f"{html.escape(b or '?')}</li>"
        for b in bodies
    )
    lines = "".join(
        f'<li><svg width="40" height="8"><line x1="0" y1="4" x2="40" y2="4" '
        f'stroke="#555" stroke-width="2" stroke-dasharray="{_SVG_DASHES[p]}"/></svg> '
        f"{p}</li>"
        for p in PARTS
    )
    return (
        f'<h2>body</h2><ul style="list-style:none;padding:0">{items}</ul>'
        f'<h2>cited in</h2><ul style="list-style:none;padding:0">{lines}</ul>'
    )


def to_html(
    g: nx.MultiDiGraph,
    title: str,
    centre: str | None = None,
    seed: int = 7,
    weights: Mapping[str, float] | None = None,
) -> str:
    """A self-contained page (no external resources): hover an instrument to light
    up its citations, click it for its details, wheel to zoom, drag to pan,
    double-click to reset. Same layout, colours and sizes as ``draw``."""
    data = json.dumps(_node_data(g), ensure_ascii=False).replace("</", "<\\/")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
            *_svg(g, centre, seed, weights),
            f"<aside><h1>{html.escape(title)}</h1>",
            f"<small>{g.number_of_nodes()} instruments, "
            f"{g.number_of_edges()} citations. Hover or click an instrument; wheel "
            "to zoom, drag to pan, double-click to reset.</small>",
            '<div id="info"></div>',
            _legend(g),
            "</aside>",
            f'<script type="application/json" id="data">{data}</script>',
            f"<script>{_JS}</script>",
            "</body></html>",
        ]
    )
