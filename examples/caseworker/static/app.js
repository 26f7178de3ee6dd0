// The caseworker page: a form for a household in the request's JSON form
// (package payment), decided in the browser by the library compiled to
// WebAssembly (main.wasm, the global object dibao). Plain JavaScript, no
// framework, no build step. Every text shown comes from the decision
// program: the page's words (dibao.labels) and the library's rendering of
// a decision (dibao.decide).
'use strict';

(() => {
  // ---- The form's schema: every field of the request's JSON form. ----
  //
  // type: text, amount (yuan, a string), rate (a decimal string), exact (an
  // amount that may be a fraction, "2500/3"), int (a JSON number), date,
  // bool, select (choices: a group of dibao.info().choices), region (level:
  // county or any), ids (member IDs, a JSON array of strings), checks (a
  // JSON array of codes), object (fields), list (item: fields).
  // required selects have no empty option; optional ones have "not given".
  const F = (key, type, extra) => Object.assign({ key, type }, extra || {});

  const INCOME = [
    F('kind', 'select', { choices: 'income', required: true }),
    F('amount', 'amount'),
    F('period', 'select', { choices: 'period', required: true }),
    F('months', 'int'),
    F('verification', 'select', { choices: 'verification' }),
    F('basis', 'select', { choices: 'support_basis' }),
    F('exempt_from', 'select', { choices: 'giver' }),
    F('note', 'text', { wide: true }),
  ];
  const MEMBER = [
    F('id', 'text'),
    F('birth_date', 'date'),
    F('relation', 'select', { choices: 'relation', required: true }),
    F('labour', 'select', { choices: 'labour', required: true }),
    F('dependency', 'select', { choices: 'dependency' }),
    F('workplace', 'region', { level: 'any' }),
    F('cares_for', 'ids'),
    F('service_disability_grade', 'int'),
    F('disability', 'object', { fields: [
      F('category', 'select', { choices: 'disability' }),
      F('grade', 'int'),
    ] }),
    F('serious_illness', 'bool'),
    F('special_care', 'bool'),
    F('martyr_family', 'bool'),
    F('returned_veteran', 'bool'),
    F('student', 'bool'),
    F('groups', 'checks', { choices: 'group' }),
    F('incomes', 'list', { item: INCOME, itemLabel: 'ui.income', add: 'ui.add_income', remove: 'ui.remove_income' }),
  ];
  const PROPERTY = [
    F('kind', 'select', { choices: 'property', required: true }),
    F('value', 'amount'),
    F('count', 'int'),
    F('member', 'text'),
    F('exempt', 'bool'),
  ];
  const EXPENDITURE = [
    F('kind', 'select', { choices: 'expenditure', required: true }),
    F('amount', 'amount'),
    F('member', 'text'),
  ];
  const HOUSEHOLD = [
    F('region', 'region', { level: 'county', required: true }),
    F('area', 'select', { choices: 'area', required: true }),
    F('basis', 'select', { choices: 'registration' }),
    F('supporter', 'select', { choices: 'supporter' }),
    F('poverty', 'select', { choices: 'poverty' }),
    F('caregiver_factor', 'rate'),
    F('members', 'list', { item: MEMBER, itemLabel: 'ui.member', add: 'ui.add_member', remove: 'ui.remove_member',
      fresh: (n) => ({ id: 'm' + (n + 1) }) }),
    F('property', 'list', { item: PROPERTY, itemLabel: 'ui.property_item', add: 'ui.add_property', remove: 'ui.remove_property', section: true }),
    F('expenditures', 'list', { item: EXPENDITURE, itemLabel: 'ui.expenditure_item', add: 'ui.add_expenditure', remove: 'ui.remove_expenditure', section: true }),
  ];
  const CURRENT_MEMBER = [
    F('id', 'text'),
    F('status', 'select', { choices: 'member_status', required: true }),
    F('since', 'date'),
    F('monthly_amount', 'amount'),
    F('gradual_exit_end', 'date'),
  ];
  const REQUEST = [
    F('date', 'date'),
    F('known_on', 'date'),
    F('method', 'select', { choices: 'method', emptyLabel: 'ui.set_default' }),
    F('household', 'object', { fields: HOUSEHOLD }),
    F('current', 'object', { section: true, fields: [
      F('status', 'select', { choices: 'status' }),
      F('since', 'date'),
      F('monthly_amount', 'amount'),
      F('gradual_exit_end', 'date'),
      F('members', 'list', { item: CURRENT_MEMBER, itemLabel: 'ui.current_member', add: 'ui.add_current_member', remove: 'ui.remove_current_member' }),
    ] }),
    F('previous', 'object', { section: true, fields: [
      F('date', 'date'),
      F('countable', 'exact'),
      F('seriously_ill', 'ids'),
      F('severely_disabled', 'ids'),
    ] }),
    F('prices', 'object', { section: true, fields: [
      F('month', 'date'),
      F('cpi', 'rate'),
      F('food_cpi', 'rate'),
    ] }),
    F('equalised', 'ids', { section: true }),
    F('temporary', 'object', { section: true, fields: [
      F('hardship', 'text'),
      F('place', 'region', { level: 'county' }),
      F('area', 'select', { choices: 'area' }),
      F('requested', 'amount'),
      F('instalments', 'int'),
      F('paid_first', 'bool'),
    ] }),
  ];
  // The request's fields the form does not show: the page always asks for
  // the explanation.
  const IMPLICIT = new Set(['explain']);

  // ---- State (the page's own; the decision program keeps the standards). ----
  const state = {
    api: null,         // the decision program's functions
    info: null,        // standards, regions, choices
    labels: {},        // lang → key → words
    lang: 'zh-Hans',
    lastRequest: null, // the JSON last decided, re-decided on a language switch
    problems: null,    // the problems shown at the fields
    settings: null,    // the settings answer: {ok, standards, local} or {ok: false, problems}
    settingsName: '',
    fileStatus: null,  // [key, detail]
    answers: 0,
    missing: new Set(),
  };
  let uid = 0;
  const $ = (sel, root) => (root || document).querySelector(sel);

  // ---- Words. ----
  function L(key, vars) {
    let s = state.labels[state.lang] && state.labels[state.lang][key];
    if (s === undefined) {
      state.missing.add(key);
      document.documentElement.dataset.missingLabels = [...state.missing].join(' ');
      s = key;
    }
    for (const [k, v] of Object.entries(vars || {})) s = s.split('{' + k + '}').join(String(v));
    return s;
  }
  const pathLabel = (path) => path.replace(/\[\d+\]/g, '');
  const choiceLabel = (group, code) => L(group + '.' + code);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') e.textContent = v;
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
    return e;
  }

  // ---- Paths. ----
  const join = (path, key) => (path ? path + '.' + key : key);
  const index = (path, i) => path + '[' + i + ']';
  function parentPath(path) {
    const m = path.match(/^(.*)(\[\d+\]|\.[^.[\]]+)$/);
    if (m) return m[1];
    return path === '' ? null : '';
  }
  const byPath = (path) => document.querySelector('#form-fields [data-path="' + CSS.escape(path) + '"]');

  // ---- Building the form from a request object. ----
  function renderForm(model) {
    const root = $('#form-fields');
    root.replaceChildren();
    renderFields(root, REQUEST, model, '');
  }

  function renderFields(container, fields, value, path) {
    let grid = null;
    for (const f of fields) {
      const p = join(path, f.key);
      const v = value ? value[f.key] : undefined;
      if (f.type === 'object' || f.type === 'list' || f.type === 'checks' || f.section) {
        grid = null;
        const box = f.type === 'object' ? renderObject(f, v, p)
          : f.type === 'list' ? renderList(f, v, p)
            : f.type === 'checks' ? renderChecks(f, v, p) : renderSectionField(f, v, p);
        container.append(wrapSection(f, box, v, p));
        continue;
      }
      if (!grid) {
        grid = el('div', { class: 'grid' });
        container.append(grid);
      }
      grid.append(renderInput(f, v, p));
    }
  }

  // wrapSection puts an optional part of the request in a disclosure, open
  // when it holds something.
  function wrapSection(f, box, v, p) {
    if (!f.section) return box;
    // The summary shows the part's name; its fieldset keeps the legend
    // for screen readers.
    const legend = box.querySelector(':scope > legend');
    if (legend) legend.className = 'visually-hidden';
    const d = el('details', { class: 'section', dataset: { section: p } }, el('summary', { text: L(pathLabel(p)) }), box);
    if (hasValue(v)) d.open = true;
    return d;
  }
  const hasValue = (v) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0) &&
    !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

  function problemBox(id) {
    return el('div', { class: 'problem', id: id + '-problem', hidden: true, dataset: { problemFor: '' } });
  }

  function renderObject(f, v, p) {
    const fs = el('fieldset', { class: 'object', dataset: { path: p, key: f.key } });
    const id = 'f' + (++uid);
    fs.id = id;
    fs.append(el('legend', { text: L(pathLabel(p)) }), problemBox(id));
    renderFields(fs, f.fields, v, p);
    return fs;
  }

  // renderSectionField is a single field in a part of its own (equalised).
  function renderSectionField(f, v, p) {
    return el('fieldset', { class: 'object' }, el('div', { class: 'grid' }, renderInput(f, v, p)));
  }

  function renderList(f, v, p) {
    const items = Array.isArray(v) ? v : [];
    const id = 'f' + (++uid);
    const fs = el('fieldset', { class: 'list', id, dataset: { path: p, key: f.key } },
      el('legend', { text: L(pathLabel(p)) }), problemBox(id));
    items.forEach((item, i) => {
      const ip = index(p, i);
      const iid = 'f' + (++uid);
      const box = el('fieldset', { class: 'item', id: iid, dataset: { path: ip } },
        el('legend', { text: L(f.itemLabel, { n: i + 1 }) }), problemBox(iid));
      renderFields(box, f.item, item, ip);
      const remove = el('button', { type: 'button', class: 'remove', text: L(f.remove, { n: i + 1 }) });
      remove.addEventListener('click', () => changeList(p, (list) => list.splice(i, 1), '[data-add-for="' + CSS.escape(p) + '"]'));
      box.append(el('div', { class: 'item-actions' }, remove));
      fs.append(box);
    });
    const add = el('button', { type: 'button', class: 'add', text: L(f.add), dataset: { addFor: p } });
    add.addEventListener('click', () => changeList(p, (list) => list.push(f.fresh ? f.fresh(list.length) : {}),
      '[data-path="' + CSS.escape(index(p, items.length)) + '"] :is(input, select)'));
    fs.append(el('div', { class: 'list-actions' }, add));
    return fs;
  }

  function renderChecks(f, v, p) {
    const id = 'f' + (++uid);
    const fs = el('fieldset', { class: 'checks-box', id, dataset: { path: p, type: 'checks', choices: f.choices } },
      el('legend', { text: L(pathLabel(p)) }), problemBox(id));
    const values = Array.isArray(v) ? v.map(String) : [];
    const codes = [...state.info.choices[f.choices]];
    for (const c of values) if (!codes.includes(c)) codes.push(c);
    const row = el('div', { class: 'checks' });
    for (const c of codes) {
      const cid = 'f' + (++uid);
      const known = state.info.choices[f.choices].includes(c);
      const box = el('input', { type: 'checkbox', id: cid, value: c });
      box.checked = values.includes(c);
      row.append(el('div', { class: 'field' }, box,
        el('label', { for: cid, text: known ? choiceLabel(f.choices, c) : c + L('ui.unknown_value') })));
    }
    fs.append(row);
    return fs;
  }

  function renderInput(f, v, p) {
    const id = 'f' + (++uid);
    const wrap = el('div', { class: 'field' + (f.type === 'bool' ? ' check' : '') + (f.wide ? ' wide' : '') });
    const label = el('label', { for: id, text: L(pathLabel(p)) });
    let input;
    let hint = null;
    const str = v === undefined || v === null ? '' : String(v);
    switch (f.type) {
      case 'bool':
        input = el('input', { type: 'checkbox', id });
        input.checked = v === true;
        break;
      case 'select':
        input = el('select', { id });
        if (!f.required || str === '') {
          input.append(el('option', { value: '', text: L(f.emptyLabel || (f.required ? 'ui.choose' : 'ui.not_given')) }));
        }
        for (const c of state.info.choices[f.choices]) input.append(el('option', { value: c, text: choiceLabel(f.choices, c) }));
        setSelect(input, str);
        break;
      case 'region':
        input = el('select', { id });
        input.append(el('option', { value: '', text: L(f.required ? 'ui.choose' : 'ui.not_given') }));
        regionOptions(input, f.level);
        setSelect(input, str);
        break;
      case 'date':
        input = el('input', { type: 'date', id });
        input.value = str;
        if (str && input.value !== str) { // not a date the control can hold: keep it as text, for the problem to show
          input.type = 'text';
          input.value = str;
        }
        break;
      case 'int':
        input = el('input', { type: 'text', inputmode: 'numeric', id, autocomplete: 'off' });
        input.value = str;
        break;
      case 'amount': case 'rate': case 'exact':
        input = el('input', { type: 'text', inputmode: 'decimal', id, autocomplete: 'off' });
        input.value = str;
        hint = f.type === 'rate' ? 'ui.rate_hint' : 'ui.amount_hint';
        break;
      case 'ids':
        input = el('input', { type: 'text', id, autocomplete: 'off' });
        input.value = Array.isArray(v) ? v.join(', ') : str;
        hint = 'ui.ids_hint';
        break;
      default:
        input = el('input', { type: 'text', id, autocomplete: 'off' });
        input.value = str;
    }
    input.dataset.path = p;
    input.dataset.type = f.type;
    input.name = p;
    const problem = problemBox(id);
    if (f.type === 'bool') wrap.append(input, label);
    else wrap.append(label, input);
    if (hint) {
      wrap.append(el('span', { class: 'hint', id: id + '-hint', text: L(hint) }));
      input.setAttribute('aria-describedby', id + '-hint');
    }
    wrap.append(problem);
    return wrap;
  }

  function setSelect(select, value) {
    if (value !== '' && ![...select.options].some((o) => o.value === value)) {
      select.append(el('option', { value, text: value + L('ui.unknown_value') }));
    }
    select.value = value;
  }

  function regionOptions(select, level) {
    const regions = state.info.regions;
    const parents = regions.filter((r) => r.level !== 'county');
    for (const parent of parents) {
      const group = el('optgroup', { label: parent.name + ' ' + parent.code });
      if (level === 'any' && parent.level === 'prefecture') {
        group.append(el('option', { value: parent.code, text: parent.name + L('ui.prefecture_whole') + ' (' + parent.code + ')' }));
      }
      for (const r of regions) {
        if (r.level === 'county' && r.parent === parent.code) group.append(el('option', { value: r.code, text: r.name + ' (' + r.code + ')' }));
      }
      if (group.children.length) select.append(group);
    }
  }

  // ---- Reading the form back into the request's JSON form. ----
  function readForm() {
    return readFields(REQUEST, '', true);
  }

  function readFields(fields, path, keepEmpty) {
    const out = {};
    for (const f of fields) {
      const p = join(path, f.key);
      const v = readField(f, p);
      if (v !== undefined) out[f.key] = v;
    }
    return Object.keys(out).length || keepEmpty ? out : undefined;
  }

  function readField(f, p) {
    if (f.type === 'object') return readFields(f.fields, p, false);
    if (f.type === 'list') {
      const items = [];
      for (let i = 0; byPath(index(p, i)); i++) items.push(readFields(f.item, index(p, i), true));
      return items.length ? items : undefined;
    }
    const node = byPath(p);
    if (!node) return undefined;
    if (f.type === 'checks') {
      const codes = [...node.querySelectorAll('input[type=checkbox]')].filter((b) => b.checked).map((b) => b.value);
      return codes.length ? codes : undefined;
    }
    if (f.type === 'bool') return node.checked ? true : undefined;
    const s = node.value.trim();
    if (s === '') return undefined;
    switch (f.type) {
      case 'int': return /^-?\d{1,15}$/.test(s) ? Number(s) : s; // a string the library refuses at its path
      case 'ids': {
        const ids = s.split(/[,，、;；\s]+/).filter((x) => x !== '');
        return ids.length ? ids : undefined;
      }
      default: return s;
    }
  }

  // requestJSON is the request as the page decides and saves it.
  function requestJSON() {
    const model = readForm();
    model.explain = true;
    return JSON.stringify(model, null, 2);
  }

  // changeList edits a list of the form (adding or removing an item) and
  // redraws the form, keeping what was typed, then focuses the first
  // element focusSelector finds.
  function changeList(listPath, edit, focusSelector) {
    const model = readForm();
    const keys = listPath.match(/[^.[\]]+|\[\d+\]/g);
    let node = model;
    keys.forEach((k, i) => {
      const key = k.startsWith('[') ? Number(k.slice(1, -1)) : k;
      if (i === keys.length - 1) {
        if (!Array.isArray(node[key])) node[key] = [];
        edit(node[key]);
      } else {
        if (node[key] === undefined) node[key] = {};
        node = node[key];
      }
    });
    renderForm(model);
    showProblems(null);
    const target = $('#form-fields ' + focusSelector);
    if (target) target.focus();
  }

  // ---- Problems, each next to its field. ----
  // fieldFor finds the field of a problem's path, or of the nearest part of
  // the form that holds it (the member of members[0].incomes[3].amount when
  // the form has no such income).
  function fieldFor(path) {
    for (let p = path; p !== null && p !== ''; p = parentPath(p)) {
      const node = byPath(p);
      if (node) return { node, exact: p === path };
    }
    return null;
  }

  function clearProblems() {
    for (const box of document.querySelectorAll('#form-fields .problem')) {
      box.replaceChildren();
      box.hidden = true;
    }
    for (const node of document.querySelectorAll('#form-fields [aria-invalid]')) {
      node.removeAttribute('aria-invalid');
      const rest = (node.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.endsWith('-problem'));
      if (rest.length) node.setAttribute('aria-describedby', rest.join(' '));
      else node.removeAttribute('aria-describedby');
    }
    const summary = $('#problem-summary');
    summary.replaceChildren();
    summary.hidden = true;
  }

  function message(p) {
    return p.message[state.lang === 'en' ? 'en' : 'zh-Hans'];
  }

  // showProblems marks every problem at its field and lists them above the
  // form, each a link to its field.
  function showProblems(problems) {
    state.problems = problems;
    clearProblems();
    if (!problems) return;
    const summary = $('#problem-summary');
    const list = el('ul');
    for (const p of problems.problems) {
      const found = fieldFor(p.path);
      let link = null;
      if (found) {
        const node = found.node;
        const box = document.getElementById(node.id + '-problem') ||
          (node.closest('.field') && node.closest('.field').querySelector('.problem')) ||
          node.querySelector(':scope > .problem');
        if (box) {
          box.append(el('p', { text: message(p), dataset: { code: p.code, path: p.path } }));
          box.hidden = false;
          box.dataset.problemFor = node.dataset.path;
          node.setAttribute('aria-invalid', 'true');
          const ids = (node.getAttribute('aria-describedby') || '').split(' ').filter((x) => x);
          if (!ids.includes(box.id)) ids.push(box.id);
          node.setAttribute('aria-describedby', ids.join(' '));
        }
        const section = node.closest('details');
        if (section) section.open = true;
        link = node;
      }
      const text = (link ? where(link) + L('ui.colon') : '') + message(p);
      if (link) {
        const a = el('a', { href: '#' + link.id, text });
        a.addEventListener('click', (e) => {
          e.preventDefault();
          const target = link.matches('input, select') ? link : link.querySelector('input, select, button');
          if (target) target.focus();
          link.scrollIntoView({ block: 'center' });
        });
        list.append(el('li', { dataset: { path: p.path } }, a));
      } else {
        list.append(el('li', { dataset: { path: p.path }, text }));
      }
    }
    summary.append(el('h3', { text: problems.heading[state.lang === 'en' ? 'en' : 'zh-Hans'] }), list);
    summary.hidden = false;
  }

  // where names a field for the list of problems: the legends around it and
  // its label ("Member 2 › Birth date").
  function where(node) {
    const parts = [];
    const label = node.labels && node.labels[0];
    if (label) parts.push(label.textContent);
    for (let fs = node.matches('fieldset') ? node : node.closest('fieldset'); fs; fs = fs.parentElement.closest('fieldset')) {
      const legend = fs.querySelector(':scope > legend');
      if (legend && !(fs === node && label)) parts.unshift(legend.textContent);
    }
    return parts.join(' › ');
  }

  // ---- Deciding. ----
  function decide(moveFocus) {
    const json = requestJSON();
    state.lastRequest = json;
    answer(json, moveFocus);
  }

  function answer(json, moveFocus) {
    const t0 = performance.now();
    const result = JSON.parse(state.api.decide(json, state.lang));
    const ms = performance.now() - t0;
    state.answers++;
    document.documentElement.dataset.answers = String(state.answers);
    if (result.problems) {
      showProblems(result.problems);
      renderNoDecision();
      if (moveFocus) $('#problem-summary').focus();
    } else {
      showProblems(null);
      renderDecision(result.decision, json, ms);
      if (document.documentElement.dataset.firstDecisionMs === undefined) {
        document.documentElement.dataset.firstDecisionMs = performance.now().toFixed(1);
      }
      if (moveFocus) $('#result').focus();
    }
  }

  function renderNoDecision() {
    $('#result-body').replaceChildren(el('p', { text: L('ui.problems_none_here') }));
  }

  function cite(c) {
    return c ? el('span', { class: 'cite', text: L('ui.cite', { cite: c }) }) : null;
  }

  function marks(s) {
    const out = [];
    if (s.assumed) out.push(el('span', { class: 'mark assumed', dataset: { mark: 'assumed' }, text: L('ui.assumed') }));
    if (s.stale) out.push(el('span', { class: 'mark stale', dataset: { mark: 'stale' }, text: L('ui.stale') }));
    return out;
  }

  function params(s) {
    if (!s.params || !s.params.length) return null;
    const list = el('ul');
    for (const p of s.params) {
      list.append(el('li', {}, p.text, ...marks(p)));
    }
    return el('details', { class: 'params' }, el('summary', { text: L('ui.params') + ' (' + s.params.length + ')' }), list);
  }

  function stepItem(s) {
    return el('li', { dataset: { code: s.code } }, s.text, cite(s.cite), ...marks(s), params(s));
  }

  function stepList(id, title, steps) {
    if (!steps.length) return null;
    const list = el('ul', { class: 'steps' });
    for (const s of steps) list.append(stepItem(s));
    return el('section', { id, 'aria-labelledby': id + '-title' }, el('h3', { id: id + '-title', text: title }), list);
  }

  function renderDecision(d, json, ms) {
    const body = el('div', { id: 'result-body', dataset: { status: d.status, decisionLang: d.lang, decideMs: ms.toFixed(1) } });
    // The household.
    body.append(el('h2', { class: 'print-only', text: L('ui.summary_title') }));
    const summary = el('dl', { class: 'summary', id: 'household-summary' });
    const row = (k, v) => { if (v) summary.append(el('dt', { text: L(k) }), el('dd', { text: v })); };
    row('ui.summary_region', d.region);
    row('ui.summary_area', d.area);
    row('ui.summary_date', d.date);
    row('ui.summary_known_on', d.known_on);
    row('ui.summary_method', d.method);
    row('ui.summary_members', d.members.map((m) => [m.id, m.relation, L('ui.summary_age', { n: m.age }), m.status].filter((x) => x).join(' · '))
      .join(L('ui.item_sep')));
    body.append(summary);
    // The status and the findings.
    body.append(el('p', { class: 'status-line' }, L('ui.status') + L('ui.colon'),
      el('strong', { id: 'status', dataset: { status: d.status }, text: d.status_label })));
    const conclusions = el('ul', { class: 'steps', id: 'conclusions' });
    for (const s of d.conclusions) conclusions.append(stepItem(s));
    body.append(conclusions);
    // The monthly payment.
    const table = el('table', { class: 'lines', id: 'lines' }, el('caption', { text: L('ui.lines') }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: L('ui.line') }), el('th', { scope: 'col', text: L('ui.line_member') }),
        el('th', { scope: 'col', class: 'amount', text: L('ui.amount') }))));
    const tbody = el('tbody');
    for (const l of d.lines) {
      tbody.append(el('tr', { dataset: { line: l.line, member: l.member || '', amount: l.amount, assumed: l.assumed ? 'true' : 'false', stale: l.stale ? 'true' : 'false' } },
        el('td', {}, l.text, cite(l.cite), ...marks(l), params(l)),
        el('td', { text: l.member || L('ui.household_line') }),
        el('td', { class: 'amount', text: l.amount })));
    }
    if (!d.lines.length) tbody.append(el('tr', {}, el('td', { colspan: '3', text: L('ui.no_lines') })));
    table.append(tbody);
    const ts = d.total_step;
    table.append(el('tfoot', {}, el('tr', { id: 'total', dataset: { amount: d.total } },
      el('th', { scope: 'row', colspan: '2' }, ...(ts ? [ts.text, cite(ts.cite)] : [L('ui.total')])),
      el('td', { class: 'amount', text: d.total }))));
    body.append(table);
    if (d.lines.some((l) => l.assumed || l.stale)) {
      body.append(el('p', { class: 'marks-key' },
        ...(d.lines.some((l) => l.assumed) ? [el('span', { class: 'mark assumed', text: L('ui.assumed') }), ' ' + L('ui.assumed_long') + ' '] : []),
        ...(d.lines.some((l) => l.stale) ? [el('span', { class: 'mark stale', text: L('ui.stale') }), ' ' + L('ui.stale_long')] : [])));
    }
    // Temporary assistance.
    if (d.temporary) {
      const t = d.temporary;
      const list = el('ul', { class: 'steps' });
      for (const i of t.instalments) list.append(el('li', { dataset: { instalment: String(i.number), amount: i.amount }, text: i.text || (i.number + ': ' + i.amount) }));
      body.append(el('section', { id: 'temporary', 'aria-labelledby': 'temporary-title', dataset: { approved: t.approved } },
        el('h3', { id: 'temporary-title', text: L('ui.temporary') }),
        el('p', {}, t.text, cite(t.cite), ...marks(t), params(t)), list));
    }
    for (const section of [stepList('reasons', L('ui.reasons'), d.reasons), stepList('flags', L('ui.flags'), d.flags)]) {
      if (section) body.append(section); // an empty list shows nothing (append would write "null")
    }
    if (d.warnings.length) {
      const list = el('ul', { class: 'warnings' });
      for (const w of d.warnings) list.append(el('li', { dataset: { warning: w.code } }, w.text + (w.params && w.params.length ? L('ui.colon') + w.params.join(L('ui.list_sep')) : '')));
      body.append(el('section', { id: 'warnings', 'aria-labelledby': 'warnings-title' }, el('h3', { id: 'warnings-title', text: L('ui.warnings') }), list));
    }
    body.append(el('details', { id: 'explanation' }, el('summary', { text: L('ui.explanation') }), el('pre', { class: 'explanation', text: d.explanation })));
    body.append(el('details', { id: 'request' }, el('summary', { text: L('ui.request_json') }), el('pre', { class: 'explanation', id: 'request-json', text: json })));
    const s = d.standards;
    body.append(el('p', { class: 'identity', id: 'standards-identity', dataset: { identity: s.identity } },
      L('ui.standards') + L('ui.colon') + s.name +
      (s.data_version ? ' · ' + L('ui.data_version') + ' ' + s.data_version : '') +
      ' · ' + L('ui.complete_through') + ' ' + s.complete_through + ' · ' + L('ui.identity') + ' ' + s.identity +
      ' · ' + L('ui.library') + ' ' + d.library));
    body.append(el('div', { class: 'signatures print-only' },
      el('p', { text: L('ui.summary_caseworker') }), el('p', { text: L('ui.summary_reviewer') }), el('p', { text: L('ui.summary_signed') })));
    const print = el('button', { type: 'button', id: 'print', text: L('ui.print') });
    print.addEventListener('click', () => window.print());
    body.append(el('p', { class: 'result-actions no-print' }, print, ' ', el('span', { class: 'hint', text: L('ui.decided_in', { ms: ms.toFixed(1) }) })));
    $('#result-body').replaceWith(body);
    // Said to screen readers, whether or not the focus moves to the decision.
    $('#announce').textContent = d.status_label + (ts ? L('ui.item_sep') + ts.text : '');
  }

  // ---- Files. ----
  function setFileStatus(key, detail, bad) {
    state.fileStatus = key ? [key, detail, bad] : null;
    const p = $('#file-status');
    p.textContent = key ? L(key) + (detail || '') : '';
    p.className = bad ? 'problem' : '';
  }

  // loadHousehold puts a request (or a bare household) into the form.
  function loadHousehold(textValue, name) {
    let obj;
    try {
      obj = JSON.parse(textValue);
    } catch (e) {
      // The library says where the JSON is broken, in both languages.
      const problems = JSON.parse(state.api.check(textValue));
      setFileStatus('ui.household_unreadable', name + ' — ' + (problems ? problems.problems.map(message).join('；') : e.message), true);
      return false;
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      setFileStatus('ui.household_unreadable', name, true);
      return false;
    }
    if (obj.members && !obj.household) obj = { household: obj };
    const dropped = unknownFields(obj, REQUEST, '');
    renderForm(obj);
    showProblems(null);
    setFileStatus('ui.household_loaded', name + (dropped.length ? ' — ' + L('ui.dropped_fields') + dropped.join(', ') : ''), dropped.length > 0);
    return true;
  }

  function unknownFields(obj, fields, path) {
    const out = [];
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return out;
    for (const [k, v] of Object.entries(obj)) {
      const f = fields.find((x) => x.key === k);
      if (!f) {
        if (!(path === '' && IMPLICIT.has(k))) out.push(join(path, k));
      } else if (f.type === 'object') {
        out.push(...unknownFields(v, f.fields, join(path, k)));
      } else if (f.type === 'list' && Array.isArray(v)) {
        v.forEach((item, i) => out.push(...unknownFields(item, f.item, index(join(path, k), i))));
      }
    }
    return out;
  }

  function saveHousehold() {
    const json = requestJSON();
    const date = (JSON.parse(json).date || 'new').replace(/[^0-9-]/g, '');
    const name = 'household-' + date + '.json';
    const url = URL.createObjectURL(new Blob([json + '\n'], { type: 'application/json' }));
    const a = el('a', { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    setFileStatus('ui.household_saved', name);
  }

  // applySettings merges a settings file over the embedded data.
  function applySettings(bytes, name) {
    const answerSettings = JSON.parse(state.api.loadSettings(bytes));
    if (answerSettings.ok) {
      state.settings = answerSettings;
      state.settingsName = name;
    } else {
      state.settings = Object.assign({}, state.settings, { failed: answerSettings.problems, failedName: name });
    }
    renderSettings();
    if (answerSettings.ok && state.lastRequest) answer(state.lastRequest, false);
    return answerSettings.ok;
  }

  function removeSettings() {
    state.settings = JSON.parse(state.api.resetSettings());
    state.settingsName = '';
    renderSettings();
    if (state.lastRequest) answer(state.lastRequest, false);
  }

  function renderSettings() {
    const s = state.settings;
    const status = $('#settings-status');
    const problems = $('#settings-problems');
    problems.replaceChildren();
    if (s.failed) {
      status.dataset.state = 'failed';
      status.className = 'problem';
      status.textContent = L('ui.settings_failed') + ' (' + s.failedName + ')';
      const list = el('ul');
      for (const p of s.failed.problems) {
        list.append(el('li', { dataset: { path: p.path, code: p.code } }, p.path ? el('code', { text: p.path }) : null, p.path ? ' ' : null, message(p)));
      }
      problems.append(el('div', { class: 'problem-summary' }, el('h3', { text: s.failed.heading[state.lang === 'en' ? 'en' : 'zh-Hans'] }), list));
    } else if (s.local) {
      status.dataset.state = 'merged';
      status.className = 'status-ok';
      status.textContent = L('ui.settings_merged') + state.settingsName;
    } else {
      status.dataset.state = 'none';
      status.className = '';
      status.textContent = L('ui.settings_none');
    }
    $('#settings-remove').hidden = !s.local;
    const st = s.standards;
    const line = $('#standards-line');
    line.dataset.identity = st.identity;
    line.textContent = L('ui.standards') + L('ui.colon') + st.name +
      (st.data_version ? ' · ' + L('ui.data_version') + ' ' + st.data_version : '') +
      ' · ' + L('ui.complete_through') + ' ' + st.complete_through + ' · ' + L('ui.identity') + ' ' + st.identity;
  }

  // ---- Language. ----
  // setLang renders everything again in a language: the page's words, the
  // form (with what it holds, or model), the problems, the decision.
  function setLang(lang, model) {
    state.lang = lang === 'en' ? 'en' : 'zh-Hans';
    document.documentElement.lang = state.lang;
    for (const b of document.querySelectorAll('button[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
    for (const node of document.querySelectorAll('[data-label]')) node.textContent = L(node.dataset.label);
    document.title = L('ui.title');
    renderForm(model || readForm());
    showProblems(state.problems);
    renderSettings();
    if (state.fileStatus) setFileStatus(...state.fileStatus);
    if (state.lastRequest) answer(state.lastRequest, false);
  }

  // ---- Start. ----
  function today() {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function base64urlBytes(s) {
    const b = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
    return Uint8Array.from(b, (c) => c.charCodeAt(0));
  }

  // The URL fragment opens a household (and settings) as files would, in a
  // language (set before), and decides it:
  // #household=<base64url>&settings=<base64url>&lang=en&decide=1.
  function applyFragment(q) {
    if (q.has('settings')) applySettings(base64urlBytes(q.get('settings')), 'URL');
    if (q.has('household')) loadHousehold(new TextDecoder().decode(base64urlBytes(q.get('household'))), 'URL');
    if (q.get('decide') === '1') decide(false);
    // The household is in the form now: keep it out of the address bar
    // and the browser's history.
    if (q.has('household') || q.has('settings')) history.replaceState(null, '', location.pathname + location.search);
  }

  function start() {
    state.api = globalThis.dibao;
    state.info = JSON.parse(state.api.info());
    for (const lang of ['zh-Hans', 'en']) state.labels[lang] = JSON.parse(state.api.labels(lang));
    state.settings = { ok: true, standards: state.info.standards, local: false };
    document.documentElement.dataset.readyMs = performance.now().toFixed(1);
    $('#household-form').addEventListener('submit', (e) => {
      e.preventDefault();
      decide(true);
    });
    for (const b of document.querySelectorAll('button[data-lang]')) b.addEventListener('click', () => setLang(b.dataset.lang));
    $('#save-household').addEventListener('click', saveHousehold);
    $('#open-household').addEventListener('change', async (e) => {
      const file = e.target.files[0];
      if (file) loadHousehold(await file.text(), file.name);
      e.target.value = '';
    });
    $('#settings-file').addEventListener('change', async (e) => {
      const file = e.target.files[0];
      if (file) applySettings(new Uint8Array(await file.arrayBuffer()), file.name);
      e.target.value = '';
    });
    $('#settings-remove').addEventListener('click', removeSettings);
    $('#loading').hidden = true;
    $('#app').hidden = false;
    const q = new URLSearchParams(location.hash.slice(1));
    setLang(q.get('lang') || state.lang, { date: today(), household: { area: 'urban', members: [{ id: 'm1', relation: 'applicant' }] } });
    applyFragment(q);
    document.documentElement.dataset.ready = 'true';
  }

  // The decision program calls dibaoReady once its functions are set.
  globalThis.dibaoReady = start;
  const go = new Go();
  const load = WebAssembly.instantiateStreaming
    ? WebAssembly.instantiateStreaming(fetch('main.wasm'), go.importObject)
      .catch(() => fetch('main.wasm').then((r) => r.arrayBuffer()).then((b) => WebAssembly.instantiate(b, go.importObject)))
    : fetch('main.wasm').then((r) => r.arrayBuffer()).then((b) => WebAssembly.instantiate(b, go.importObject));
  load.then((r) => go.run(r.instance)).catch((err) => {
    const p = $('#loading');
    p.className = 'problem';
    p.textContent = '审核程序未能加载 · The decision program could not be loaded: ' + err;
    document.documentElement.dataset.loadError = String(err);
  });
})();
