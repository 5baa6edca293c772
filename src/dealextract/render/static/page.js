// dealextract review page: sortable summary table, and deal cards that light up their evidence.
// Inlined into the page; plain ES2017, no libraries, no network.
(function () {
  "use strict";

  // --- the summary table sorts by any column (click again to reverse) ---------------------------
  function sortValue(cell, type) {
    var raw = cell.getAttribute("data-sort") || "";
    if (type === "number") {
      // Missing numbers sort last in either direction.
      return raw === "" ? null : Number(raw);
    }
    return raw.toLowerCase();
  }

  function compare(a, b, type) {
    if (a === null && b === null) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    if (type === "number") return a - b;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function sortTable(table, column, type, direction) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, index) {
      return { row: row, index: index, key: sortValue(row.cells[column], type) };
    });
    keyed.sort(function (x, y) {
      var nullFirst = x.key === null || y.key === null;
      var c = compare(x.key, y.key, type);
      if (!nullFirst && direction === "descending") c = -c;
      return c !== 0 ? c : x.index - y.index; // stable
    });
    keyed.forEach(function (k) { body.appendChild(k.row); });
  }

  var summary = document.getElementById("summary");
  if (summary) {
    var heads = summary.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, column) {
      th.querySelector("button").addEventListener("click", function () {
        var next = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        Array.prototype.forEach.call(heads, function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", next);
        sortTable(summary, column, th.getAttribute("data-type"), next);
      });
    });
  }

  // --- a deal card (or its summary row) lights up the sentences it was read from -----------------
  function evidenceOf(dealId) {
    return document.querySelectorAll('.evidence[data-deals~="' + dealId + '"]');
  }

  function light(dealId, on) {
    Array.prototype.forEach.call(evidenceOf(dealId), function (el) { el.classList.toggle("lit", on); });
    var card = document.getElementById(dealId);
    if (card) card.classList.toggle("lit", on);
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-deal]"), function (el) {
    var dealId = el.getAttribute("data-deal");
    el.addEventListener("mouseenter", function () { light(dealId, true); });
    el.addEventListener("mouseleave", function () { light(dealId, false); });
  });

  Array.prototype.forEach.call(document.querySelectorAll("a.evidence-link"), function (link) {
    link.addEventListener("click", function (event) {
      var first = evidenceOf(link.getAttribute("data-deal"))[0];
      if (first) {
        event.preventDefault();
        first.scrollIntoView({ block: "center" });
      }
    });
  });

  // Hovering an evidence sentence lights the cards of the deals it supports.
  Array.prototype.forEach.call(document.querySelectorAll(".evidence[data-deals]"), function (el) {
    var ids = el.getAttribute("data-deals").split(" ");
    el.addEventListener("mouseenter", function () { ids.forEach(function (id) { light(id, true); }); });
    el.addEventListener("mouseleave", function () { ids.forEach(function (id) { light(id, false); }); });
  });
})();
