// The SPARQL editor of /sparql: YASQE over the form's textarea, which the form
// still submits (so the page works without scripts too); the examples menu
// puts a named query into the editor.
(function () {
  "use strict";
  var area = document.getElementById("query");
  var form = document.getElementById("editor-form");
  var menu = document.getElementById("examples");
  var editor = null;
  if (window.Yasqe && area) {
    editor = new window.Yasqe(document.getElementById("yasqe"), {
      value: area.value,
      showQueryButton: false,
      persistenceId: null,
      resizeable: true,
      editorHeight: "280px",
      createShareableLink: null,
      extraKeys: {
        "Ctrl-Enter": function () { form.requestSubmit(); },
        "Cmd-Enter": function () { form.requestSubmit(); }
      }
    });
    area.style.display = "none";
    window.itukgEditor = editor;
    form.addEventListener("submit", function () { area.value = editor.getValue(); });
  }
  if (menu) {
    menu.addEventListener("change", function () {
      if (!menu.value) { return; }
      if (editor) { editor.setValue(menu.value); } else { area.value = menu.value; }
    });
  }
})();
