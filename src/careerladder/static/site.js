/* careerladder static site: search, compare and diff without a server (works from file://).
 *
 * Data comes from script files the site generator wrote under data/ (plain JSON assigned to
 * window.careerladder.*), never from fetch(), so it works from file:// too. Every piece of document
 * text is inserted with textContent / createTextNode: nothing here parses HTML.
 * The web app (careerladder serve) renders these pages on the server; this file then does nothing.
 */
(function () {
  "use strict";
  var cl = (window.careerladder = window.careerladder || {});
  cl.roleData = cl.roleData || {};
  cl.putRole = function (key, data) {
    cl.roleData[key] = data;
    if (cl.onRole) cl.onRole(key);
  };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function root() { return document.body.getAttribute("data-root") || "./"; }

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; });
  }

  /* ---- search ---------------------------------------------------------------------------- */
  function matches(norm, terms) {
    for (var i = 0; i < terms.length; i++) {
      if (norm.indexOf(" " + terms[i]) < 0) return false;
    }
    return true;
  }

  function highlighted(text, terms) {
    var lower = text.toLowerCase(), out = [], pos = 0;
    var spans = [];
    terms.forEach(function (t) {
      var from = 0, at;
      while ((at = lower.indexOf(t, from)) >= 0) {
        var before = at === 0 ? " " : lower.charAt(at - 1);
        if (!/[\p{L}\p{N}]/u.test(before)) spans.push([at, at + t.length]);
        from = at + t.length;
      }
    });
    spans.sort(function (x, y) { return x[0] - y[0]; });
    spans.forEach(function (s) {
      if (s[0] < pos) return;
      if (s[0] > pos) out.push(document.createTextNode(text.slice(pos, s[0])));
      out.push(el("mark", {}, [text.slice(s[0], s[1])]));
      pos = s[1];
    });
    if (pos < text.length) out.push(document.createTextNode(text.slice(pos)));
    return out;
  }

  function runSearch(form, index) {
    var q = form.elements.q.value.trim();
    var f = {};
    ["level", "competency", "organization", "kind"].forEach(function (n) { f[n] = form.elements[n].value; });
    var target = document.getElementById("search-results");
    clear(target);
    if (!q) return;
    var terms = words(q), hits = [], limit = index.limit || 50;
    for (var i = 0; i < index.statements.length && hits.length < limit; i++) {
      var s = index.statements[i], r = index.roles[s[0]];
      if (f.level && r[3] !== f.level) continue;
      if (f.competency && s[3] !== f.competency) continue;
      if (f.organization && r[2] !== f.organization) continue;
      if (f.kind && r[4] !== f.kind) continue;
      if (!s.norm) s.norm = " " + words(s[2]).join(" ");
      if (matches(s.norm, terms)) hits.push(s);
    }
    target.appendChild(el("p", { "class": "summary" },
      [hits.length + (hits.length >= limit ? "+" : "") + " statements match \u201c" + q + "\u201d."]));
    var list = el("ol", { "class": "results" });
    hits.forEach(function (s) {
      var r = index.roles[s[0]];
      var item = el("li", { "class": "result comp-" + (s[3] || "none") }, [
        el("a", { href: root() + r[5] + "#" + s[1] }, [r[1]]), " "]);
      if (r[2]) item.appendChild(el("span", { "class": "muted" }, ["\u00b7 " + r[2] + " "]));
      item.appendChild(el("span", { "class": "tag" }, [r[4].replace("_", " ")]));
      if (r[3]) item.appendChild(el("span", { "class": "tag level" }, [index.levels[r[3]] || r[3]]));
      item.appendChild(el("span", { "class": "tag" }, [index.competencies[s[3]] || "Unclassified"]));
      item.appendChild(el("p", { "class": "snippet" }, highlighted(s[2], terms)));
      list.appendChild(item);
    });
    target.appendChild(list);
  }

  function initSearch() {
    var form = document.getElementById("search-form");
    if (!form || !cl.index) return;
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) form.elements.q.value = params.get("q");
    var last = null;
    var go = function () {
      var state = [form.elements.q.value, form.elements.level.value, form.elements.competency.value,
                   form.elements.organization.value, form.elements.kind.value].join("\u0000");
      if (state === last) return;  // e.g. the text box losing focus when a result is clicked
      last = state;
      runSearch(form, cl.index);
    };
    form.addEventListener("submit", function (ev) { ev.preventDefault(); go(); });
    form.addEventListener("input", go);
    form.addEventListener("change", go);
    go();
  }

  /* ---- compare --------------------------------------------------------------------------- */
  function loadRole(key) {
    if (cl.roleData[key] || !cl.files || !cl.files[key]) return;
    document.head.appendChild(el("script", { src: root() + "data/role/" + cl.files[key] + ".js" }));
  }

  function coverageText(d) {
    var parts = Object.keys(d.coverage).map(function (c) { return (cl.competencies[c] || c) + " " + d.coverage[c]; });
    return parts.length ? parts.join(", ") : "none";
  }

  function renderCompare(a, b) {
    var target = document.getElementById("compare-result");
    clear(target);
    var section = el("section", { "class": "compare-result", "aria-labelledby": "compare-h" });
    section.appendChild(el("h2", { id: "compare-h" }, [
      el("a", { href: root() + a.href }, [a.title]), " and ", el("a", { href: root() + b.href }, [b.title])]));
    var stack = el("div", { "class": "radar-stack" }, [
      el("img", { "class": "chart", src: root() + a.radar, width: "560", height: "460",
                  alt: "Radar chart of competency coverage: " + a.title + " (" + coverageText(a) + ")" }),
      el("img", { "class": "chart", src: root() + b.radar_b, width: "560", height: "460",
                  alt: "and " + b.title + " (" + coverageText(b) + ")" })]);
    var legend = el("ul", { "class": "radar-legend" }, [
      el("li", {}, [el("span", { "class": "swatch a", "aria-hidden": "true" }), a.title]),
      el("li", {}, [el("span", { "class": "swatch b", "aria-hidden": "true" }), b.title])]);
    section.appendChild(el("figure", { "class": "radar" }, [stack, el("figcaption", {}, [legend])]));
    var table = el("table", { "class": "compare" }, [
      el("caption", {}, ["Effective expectations by competency (" + a.expectations.length + " and " +
                         b.expectations.length + ")"]),
      el("thead", {}, [el("tr", {}, [el("th", { scope: "col" }, ["Competency"]),
                                     el("th", { scope: "col" }, [a.title]), el("th", { scope: "col" }, [b.title])])])]);
    var body = el("tbody");
    cl.competencyOrder.concat([""]).forEach(function (c) {
      var cells = [a, b].map(function (d) {
        var ul = el("ul", { "class": "statements" });
        d.expectations.forEach(function (e) {
          if ((e[0] || "") !== c) return;
          var li = el("li", {}, []);
          if (e[2]) li.appendChild(el("strong", {}, [e[2] + ": "]));
          li.appendChild(document.createTextNode(e[1]));
          if (!e[3]) li.appendChild(el("span", { "class": "muted" }, [" (from " + e[4] + ")"]));
          ul.appendChild(li);
        });
        return ul;
      });
      if (!cells[0].firstChild && !cells[1].firstChild) return;
      body.appendChild(el("tr", { "class": "comp-" + (c || "none") }, [
        el("th", { scope: "row" }, [cl.competencies[c] || "Unclassified"]),
        el("td", {}, [cells[0]]), el("td", {}, [cells[1]])]));
    });
    table.appendChild(body);
    section.appendChild(table);
    [a, b].forEach(function (d) {
      section.appendChild(el("h3", {}, ["Requirements: " + d.title]));
      var ul = el("ul");
      d.requirements.forEach(function (r) { ul.appendChild(el("li", {}, [r])); });
      if (!d.requirements.length) ul.appendChild(el("li", {}, ["none found"]));
      section.appendChild(ul);
    });
    target.appendChild(section);
  }

  function initCompare() {
    var form = document.querySelector('form[data-picker="compare"]');
    if (!form || !cl.files) return;
    var wanted = null;
    var show = function () {
      if (!wanted) return;
      var a = cl.roleData[wanted[0]], b = cl.roleData[wanted[1]];
      if (a && b) renderCompare(a, b);
    };
    cl.onRole = show;
    var start = function (ka, kb) {
      wanted = [ka, kb];
      loadRole(ka);
      loadRole(kb);
      show();
    };
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var ka = form.elements.a.value, kb = form.elements.b.value;
      if (!ka || !kb) return;
      history.replaceState(null, "", "#" + ka + "+" + kb);
      start(ka, kb);
    });
    var hash = window.location.hash.slice(1).split("+");
    if (hash.length === 2 && cl.files[hash[0]] && cl.files[hash[1]]) {
      form.elements.a.value = hash[0];
      form.elements.b.value = hash[1];
      start(hash[0], hash[1]);
    }
  }

  /* ---- diff ------------------------------------------------------------------------------ */
  function initDiff() {
    var form = document.querySelector('form[data-picker="diff"]');
    if (!form || !cl.diffs) return;
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var a = form.elements.a.value, b = form.elements.b.value;
      var page = cl.diffs[a + " " + b] || cl.diffs[b + " " + a];
      if (page) {
        window.location.href = root() + page;
        return;
      }
      var msg = document.getElementById("diff-message");
      msg.textContent = "These two are not levels of the same ladder; the static site only diffs levels of one " +
                        "ladder. Run careerladder serve to diff any two roles.";
      msg.hidden = false;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (document.body.getAttribute("data-mode") !== "static") return;
    initSearch();
    initCompare();
    initDiff();
  });
})();
