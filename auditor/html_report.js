// auditor HTML report: shows the messages of the findings under the pointer or the keyboard focus.
// Inlined into the page (its hash is in the page's Content-Security-Policy); text only, never markup.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var current = null;

  function highlightOf(node) {
    return node && node.closest ? node.closest("mark.hl[data-finding]") : null;
  }

  // Every finding covering this point: the highlight itself and the ones it sits inside.
  function findingsAt(mark) {
    var seen = {}, out = [];
    for (var el = mark; el; el = el.parentElement ? highlightOf(el.parentElement) : null) {
      var id = el.getAttribute("data-finding");
      if (!seen[id]) {
        seen[id] = true;
        out.push({ rule: el.getAttribute("data-rule"), message: document.getElementById(id + "-msg") });
      }
    }
    return out;
  }

  function show(mark) {
    current = mark;
    tip.textContent = "";
    findingsAt(mark).forEach(function (f) {
      var p = document.createElement("p");
      var rule = document.createElement("span");
      rule.className = "rule";
      rule.textContent = f.rule;
      p.appendChild(rule);
      p.appendChild(document.createTextNode(f.message ? f.message.textContent : ""));
      tip.appendChild(p);
    });
    tip.hidden = false;
    var box = mark.getClientRects()[0] || mark.getBoundingClientRect();
    var left = Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(8, left) + window.scrollX + "px";
    tip.style.top = box.bottom + window.scrollY + 6 + "px";
  }

  function hide() {
    current = null;
    tip.hidden = true;
  }

  document.addEventListener("focusin", function (event) {
    var mark = highlightOf(event.target);
    if (mark) show(mark); else hide();
  });
  document.addEventListener("focusout", function () { hide(); });
  document.addEventListener("mouseover", function (event) {
    var mark = highlightOf(event.target);
    var focused = highlightOf(document.activeElement);
    if (mark || focused) show(mark || focused);
    else if (current) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });

  // A link in a findings list moves the keyboard focus to its highlight, which shows the message.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("ol.findings a[href^='#']") : null;
    if (!link) return;
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  });

  // Print the source ledgers open.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.ledger").forEach(function (d) { d.open = true; });
  });
})();
