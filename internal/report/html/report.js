(function () {
  'use strict';
  var byId = function (id) { return document.getElementById(id); };
  var list = byId('list');
  var rows = Array.prototype.slice.call(list.querySelectorAll('details.finding'));
  var f = {
    category: byId('f-category'), severity: byId('f-severity'), rule: byId('f-rule'),
    path: byId('f-path'), sort: byId('f-sort'), suppressed: byId('f-suppressed')
  };

  function apply() {
    var cat = f.category.value, sev = f.severity.value, rule = f.rule.value;
    var q = f.path.value.trim().toLowerCase(), supp = f.suppressed.checked;
    var shown = 0, pool = 0;
    rows.forEach(function (r) {
      var d = r.dataset, isSupp = d.suppressed === '1';
      var inPool = supp || !isSupp;
      var ok = inPool && (!cat || d.category === cat) && (!sev || d.severity === sev) &&
        (!rule || d.rule === rule) && (!q || d.path.toLowerCase().indexOf(q) !== -1);
      r.hidden = !ok;
      if (inPool) { pool++; }
      if (ok) { shown++; }
    });
    var noun = function (n) { return n === 1 ? ' finding' : ' findings'; };
    byId('shown').textContent = shown === pool ? pool + noun(pool) : 'showing ' + shown + ' of ' + pool + noun(pool);
    var empty = byId('empty');
    empty.hidden = shown > 0;
    if (rows.length) { empty.textContent = 'No findings match these filters.'; }
    list.hidden = shown === 0 && rows.length > 0;
    list.dataset.visible = String(shown);
  }

  function sortRows() {
    var key = f.sort.value;
    var num = function (r, k) { return Number(r.dataset[k]); };
    var sorted = rows.slice().sort(function (a, b) {
      if (key === 'severity' && num(a, 'rank') !== num(b, 'rank')) { return num(b, 'rank') - num(a, 'rank'); }
      if (key === 'rule' && a.dataset.rule !== b.dataset.rule) { return a.dataset.rule < b.dataset.rule ? -1 : 1; }
      return num(a, 'n') - num(b, 'n');
    });
    sorted.forEach(function (r) { list.appendChild(r); });
  }

  function setFilter(kind, value) {
    if (kind === 'path') {
      f.path.value = value;
    } else if (f[kind]) {
      f[kind].value = f[kind].value === value ? '' : value; // a second click clears
    }
    apply();
    byId('findings').scrollIntoView();
  }

  ['category', 'severity', 'rule', 'suppressed'].forEach(function (k) { f[k].addEventListener('change', apply); });
  f.path.addEventListener('input', apply);
  f.sort.addEventListener('change', sortRows);
  byId('filters').addEventListener('submit', function (e) { e.preventDefault(); });
  byId('filters').addEventListener('reset', function () { setTimeout(function () { sortRows(); apply(); }, 0); });
  Array.prototype.forEach.call(document.querySelectorAll('[data-filter]'), function (el) {
    el.addEventListener('click', function () { setFilter(el.dataset.filter, el.dataset.value); });
  });
  byId('card-suppressed').addEventListener('click', function () {
    if (f.suppressed.disabled) { return; }
    f.suppressed.checked = !f.suppressed.checked;
    apply();
    byId('findings').scrollIntoView();
  });
  byId('expand-all').addEventListener('click', function () { rows.forEach(function (r) { if (!r.hidden) { r.open = true; } }); });
  byId('collapse-all').addEventListener('click', function () { rows.forEach(function (r) { r.open = false; }); });
  document.addEventListener('keydown', function (e) {
    var t = e.target.tagName;
    if (e.key === '/' && t !== 'INPUT' && t !== 'SELECT' && t !== 'TEXTAREA') { e.preventDefault(); f.path.focus(); }
  });
  // a link to a finding or rule opens it
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && byId(id);
    if (el && el.tagName === 'DETAILS') { el.hidden = false; el.open = true; }
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
  apply();
})();
