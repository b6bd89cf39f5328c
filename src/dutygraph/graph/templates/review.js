
  function sortable(table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.filter.call(body.rows, function (r) { return !r.classList.contains("tasks"); });
        var asc = th.getAttribute("data-order") !== "asc";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("data-order"); });
        th.setAttribute("data-order", asc ? "asc" : "desc");
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-v"), y = b.cells[col].getAttribute("data-v");
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y), "zh");
          return asc ? c : -c;
        });
        rows.forEach(function (r) {
          body.appendChild(r);
          var detail = r.dgDetail;
          if (detail) { body.appendChild(detail); }
        });
      });
    });
  }
  document.querySelectorAll("table.rank").forEach(sortable);
  document.querySelectorAll("table.rank tr.tasks").forEach(function (detail) {
    var owner = detail.previousElementSibling;
    owner.dgDetail = detail;
    var button = owner.querySelector("button.open");
    button.addEventListener("click", function () {
      detail.hidden = !detail.hidden;
      button.setAttribute("aria-expanded", String(!detail.hidden));
    });
  });
  document.querySelectorAll("select.kind-filter").forEach(function (select) {
    var table = document.getElementById(select.getAttribute("data-table"));
    select.addEventListener("change", function () {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        if (r.classList.contains("tasks")) {
          if (select.value && r.previousElementSibling.hidden) { r.hidden = true; }
          return;
        }
        r.hidden = !!select.value && r.getAttribute("data-kind") !== select.value;
        if (r.dgDetail && r.hidden) { r.dgDetail.hidden = true; }
      });
    });
  });
  // -- the co-ordination matrix: the row and column under the pointer, the order, a unit to the network --
  document.querySelectorAll("table.matrix").forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    function mark(on, cell) {
      var row = cell.parentNode;
      row.cells[0].classList.toggle("hl", on);
      var j = cell.getAttribute("data-i");
      Array.prototype.forEach.call(heads, function (h) { if (h.getAttribute("data-i") === j) { h.classList.toggle("hl", on); } });
    }
    table.addEventListener("mouseover", function (ev) { var c = ev.target.closest("td[data-i]"); if (c) { mark(true, c); } });
    table.addEventListener("mouseout", function (ev) { var c = ev.target.closest("td[data-i]"); if (c) { mark(false, c); } });
    table.querySelectorAll("button.unit").forEach(function (b) {
      b.addEventListener("click", function () {
        var id = b.getAttribute("data-id");
        if (api.nodes.get(id)) { api.choose(id); }
      });
    });
  });
  function orderMatrix(table, by) {
    // Rows and columns in the same order: by load (as printed) or grouped by community.
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) { return a.getAttribute("data-" + by) - b.getAttribute("data-" + by); });
    var place = {};
    rows.forEach(function (r, k) { place[r.getAttribute("data-load")] = k; });
    function sortCells(cells, parent) {
      cells.sort(function (a, b) { return place[a.getAttribute("data-i")] - place[b.getAttribute("data-i")]; });
      cells.forEach(function (c) { parent.appendChild(c); });
    }
    var head = table.tHead.rows[0];
    sortCells(Array.prototype.filter.call(head.cells, function (c) { return c.hasAttribute("data-i"); }), head);
    rows.forEach(function (r) {
      body.appendChild(r);
      sortCells(Array.prototype.filter.call(r.cells, function (c) { return c.hasAttribute("data-i"); }), r);
    });
  }
  document.querySelectorAll("select.matrix-order").forEach(function (select) {
    select.addEventListener("change", function () {
      document.querySelectorAll("table.matrix").forEach(function (t) { orderMatrix(t, select.value); });
    });
  });
