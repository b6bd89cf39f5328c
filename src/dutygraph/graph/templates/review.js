
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
