// Give each feed address on the feeds page a button that copies it. Without
// JavaScript (or a clipboard) the address stays selectable in its field.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !navigator.clipboard) return;
  document.querySelectorAll("input.feed__url").forEach(function (input) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "feed__copy";
    button.textContent = script.dataset.copy;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(input.value).then(function () {
        button.textContent = script.dataset.copied;
        setTimeout(function () { button.textContent = script.dataset.copy; }, 2000);
      });
    });
    input.addEventListener("focus", function () { input.select(); });
    input.insertAdjacentElement("afterend", button);
  });
})();
