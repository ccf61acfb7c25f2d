// konflikt dashboard: map, weekly timeline, filters, event table, article view and review form.
// Plain ES module against the JSON API of the same server; d3 (array, geo) and topojson are
// loaded as vendored UMD globals by index.html, so the page works offline.
// All text from the data is put into the page with textContent, never as HTML.

const d3 = globalThis.d3;
const topojson = globalThis.topojson;

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
  "ASSAULT"];
const STANCES = ["asserted", "hedged", "denied", "negated", "future", "hypothetical"];
const ROLES = ["trigger", "actor", "recipient", "location", "date", "quantity", "source"];
const ROLE_NAMES = { trigger: "Utløser", actor: "Aktør", recipient: "Mottaker",
  location: "Sted", date: "Dato", quantity: "Antall", source: "Kilde" };
// NorNE entity labels, as the NER names them; an unknown label is still marked, as "ent".
const ENTITY_NAMES = { PER: "Person", ORG: "Organisasjon", GPE_LOC: "Stat/sted",
  GPE_ORG: "Stat som aktør", LOC: "Sted", PROD: "Produkt", EVT: "Hendelse", DRV: "Avledet" };
const REVIEW_NAMES = { confirm: "bekreftet", correct: "rettet", reject: "avvist" };
const PAGE = 50;

const state = { offset: 0, sort: "date", total: 0, event: null, article: null, world: null };
const $ = (selector, root = document) => root.querySelector(selector);
const form = $("#filters");
const timings = (globalThis.konfliktTimings = {});

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

function svgEl(tag, attrs = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

function filterParams() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (String(value).trim()) params.set(key, String(value).trim());
  }
  return params;
}

async function api(path, params, init) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const response = await fetch(url, init);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = Array.isArray(body.detail)
      ? body.detail.map((d) => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join("; ")
      : body.detail || response.statusText;
    throw new Error(detail);
  }
  return body;
}

function say(text) {
  $("#message").textContent = text || "";
}

// --- overview: table, timeline, map ---

async function refresh() {
  const started = performance.now();
  state.offset = 0;
  say("");
  try {
    await Promise.all([loadTable(), loadStats(), loadMap()]);
  } catch (error) {
    say(`Feil i filteret: ${error.message}`);
  }
  const params = filterParams();
  for (const link of document.querySelectorAll("#downloads a[data-fmt]")) {
    const query = [...params].length ? `?${params}` : "";
    link.href = `/api/download/${link.dataset.fmt}${query}`;
  }
  timings.refresh = performance.now() - started;
  document.body.dataset.ready = String(Number(document.body.dataset.ready || 0) + 1);
}

async function loadTable() {
  const params = filterParams();
  params.set("limit", PAGE);
  params.set("offset", state.offset);
  params.set("sort", state.sort);
  const page = await api("/api/events", params);
  state.total = page.total;
  const rows = page.items.map((ev) => el("tr", { "data-id": ev.id, onclick: () => openEvent(ev.id) },
    el("td", {}, ev.date?.start || "–"),
    el("td", {}, ev.mode ? `${ev.event_type}/${ev.mode}` : ev.event_type),
    el("td", {}, partyName(ev.actor)),
    el("td", {}, partyName(ev.recipient)),
    el("td", {}, ev.location ? placeName(ev.location) : "–"),
    el("td", {}, sourceName(ev.source)),
    el("td", {}, ev.stance),
    el("td", {}, ev.review ? el("span", { class: `badge ${ev.review}` }, REVIEW_NAMES[ev.review]) : ""),
    el("td", { class: "sentence", title: ev.evidence.sentence }, ev.evidence.sentence)));
  $("#events tbody").replaceChildren(...rows);
  const last = Math.min(state.offset + PAGE, state.total);
  $("#page").textContent = state.total
    ? `${state.offset + 1}–${last} av ${state.total}` : "Ingen hendelser";
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = last >= state.total;
}

function partyName(party) {
  return party ? party.name || party.text : "–";
}

function placeName(location) {
  const name = location.name || location.text;
  return location.country ? `${name} (${location.country})` : name;
}

function sourceName(source) {
  if (!source) return "–";
  const name = source.name || source.text;
  const via = (source.via || []).filter((v) => v !== name);
  return via.length ? `${name} via ${via.join(", ")}` : name;
}

async function loadStats() {
  const stats = await api("/api/stats", filterParams());
  $("#totals").textContent = `${stats.total} hendelser, ${stats.undated} uten dato, `
    + `${stats.unplaced} uten sted`;
  drawTimeline(stats.by_week);
}

function drawTimeline(weeks) {
  const svg = $("#timeline");
  const width = svg.clientWidth || 400;
  const height = svg.clientHeight || 200;
  svg.replaceChildren();
  if (!weeks.length) return;
  const max = d3.max(weeks, (w) => w.count);
  const band = (width - 30) / weeks.length;
  weeks.forEach((week, i) => {
    const h = ((height - 30) * week.count) / max;
    const rect = svgEl("rect", { x: 30 + i * band, y: height - 20 - h,
      width: Math.max(1, band - 1), height: h, "data-week": week.key });
    rect.append(svgEl("title"));
    rect.firstChild.textContent = `uke fra ${week.key}: ${week.count}`;
    rect.addEventListener("click", () => {
      const end = new Date(`${week.key}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 6);
      form.elements.since.value = week.key;
      form.elements.until.value = end.toISOString().slice(0, 10);
      refresh();
    });
    svg.append(rect);
  });
  const label = (x, text, anchor) => {
    const t = svgEl("text", { x, y: height - 5, "text-anchor": anchor });
    t.textContent = text;
    svg.append(t);
  };
  label(30, weeks[0].key, "start");
  if (weeks.length > 1) label(width, weeks[weeks.length - 1].key, "end");
  const top = svgEl("text", { x: 0, y: 12 });
  top.textContent = String(max);
  svg.append(top);
}

async function loadMap() {
  if (!state.world) {
    const topology = await api("/static/vendor/countries-110m.json");
    state.world = topojson.feature(topology, topology.objects.countries);
  }
  const places = await api("/api/map", filterParams());
  const svg = $("#map");
  const width = svg.clientWidth || 600;
  const height = svg.clientHeight || 340;
  const projection = d3.geoNaturalEarth1();
  if (places.length) {
    // Fit to the events with some margin, but never closer than about 4 degrees across.
    const lons = places.map((p) => p.lon);
    const lats = places.map((p) => p.lat);
    const pad = 2;
    const box = { type: "MultiPoint", coordinates: [
      [Math.min(...lons) - pad, Math.min(...lats) - pad],
      [Math.max(...lons) + pad, Math.max(...lats) + pad]] };
    projection.fitExtent([[10, 10], [width - 10, height - 10]], box);
  } else {
    projection.fitSize([width, height], { type: "Sphere" });
  }
  const path = d3.geoPath(projection);
  const countries = state.world.features.map((f) => svgEl("path", { class: "country", d: path(f) || "" }));
  const circles = places.map((p) => {
    const [x, y] = projection([p.lon, p.lat]);
    const r = Math.min(20, 2 + 2.5 * Math.sqrt(p.count));
    const circle = svgEl("circle", { cx: x, cy: y, r, "data-r": r, "data-place": p.name || "" });
    const title = svgEl("title");
    title.textContent = `${p.name || "?"} (${p.country || "?"}): ${p.count}`;
    circle.append(title);
    circle.addEventListener("click", () => {
      if (mapView.dragged) return;  // the end of a drag is no click
      form.elements.place.value = p.name || "";
      refresh();
    });
    return circle;
  });
  const group = svgEl("g", { class: "view" });
  group.append(...countries, ...circles);
  svg.replaceChildren(group);
  Object.assign(mapView, { k: 1, x: 0, y: 0 });
}

// Zoom (wheel) and pan (drag) move one <g> by a transform: nothing is projected again, and the
// circles keep their size on screen.
const mapView = { k: 1, x: 0, y: 0, dragging: null, dragged: false, frame: 0 };

function applyMapView() {
  mapView.frame = 0;
  const group = $("#map g.view");
  if (!group) return;
  group.setAttribute("transform", `translate(${mapView.x},${mapView.y}) scale(${mapView.k})`);
  for (const c of group.querySelectorAll("circle")) c.setAttribute("r", c.dataset.r / mapView.k);
}

function scheduleMapView() {
  if (!mapView.frame) mapView.frame = requestAnimationFrame(applyMapView);
}

function wireMap() {
  const svg = $("#map");
  svg.addEventListener("wheel", (e) => {
    e.preventDefault();
    const k = Math.min(64, Math.max(1, mapView.k * Math.exp(-e.deltaY * 0.002)));
    const ratio = k / mapView.k;
    mapView.x = e.offsetX - (e.offsetX - mapView.x) * ratio;
    mapView.y = e.offsetY - (e.offsetY - mapView.y) * ratio;
    mapView.k = k;
    scheduleMapView();
  }, { passive: false });
  svg.addEventListener("pointerdown", (e) => {
    mapView.dragging = [e.clientX, e.clientY];
    mapView.dragged = false;
  });
  svg.addEventListener("pointermove", (e) => {
    if (!mapView.dragging) return;
    const [x0, y0] = mapView.dragging;
    if (Math.abs(e.clientX - x0) + Math.abs(e.clientY - y0) > 3) mapView.dragged = true;
    mapView.x += e.clientX - x0;
    mapView.y += e.clientY - y0;
    mapView.dragging = [e.clientX, e.clientY];
    scheduleMapView();
  });
  for (const type of ["pointerup", "pointerleave"]) {
    svg.addEventListener(type, () => { mapView.dragging = null; });
  }
  svg.addEventListener("dblclick", () => {
    Object.assign(mapView, { k: 1, x: 0, y: 0 });
    scheduleMapView();
  });
}

// --- one event in its article ---

async function openEvent(id) {
  const started = performance.now();
  try {
    const detail = await api(`/api/events/${id}`);
    const article = await api(`/api/articles/${encodeURIComponent(detail.article.id)}`);
    const claims = await api(`/api/events/${id}/claims`);
    state.event = detail;
    state.article = article;
    renderArticle(article, detail);
    renderFields(article, detail);
    renderReviews(detail);
    fillReviewForm(detail);
    renderClaims(claims, id);
    $("#article").hidden = false;
    $("#article").scrollIntoView({ block: "start" });
  } catch (error) {
    say(`Kunne ikke åpne hendelsen: ${error.message}`);
  }
  timings.openEvent = performance.now() - started;
}

function spansOf(ev) {
  const spans = [];
  const add = (role, start, end) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) spans.push({ role, start, end });
  };
  add("trigger", ev.trigger_start, ev.trigger_end);
  for (const role of ["actor", "recipient", "location", "source"]) {
    if (ev[role]) add(role, ev[role].start, ev[role].end);
  }
  if (ev.date) add("date", ev.date.span_start, ev.date.span_end);
  for (const q of ev.quantities || []) add("quantity", q.start, q.end);
  return spans;
}

function renderArticle(article, detail) {
  $("#article-title").textContent = article.title || article.id;
  $("#article-meta").textContent = [article.source, article.published, article.lang, article.id]
    .filter(Boolean).join(" · ");
  const selected = detail.event;
  // Every boundary of every span cuts the text; each piece gets the classes covering it.
  const marks = [];
  for (const ev of article.events) {
    marks.push({ cls: ev.id === selected.id ? "evidence selected" : "evidence",
      start: ev.evidence.start, end: ev.evidence.end, id: ev.id });
  }
  // Entities underline their words; the field highlights (backgrounds) stay on top of them.
  for (const ent of article.entities || []) {
    marks.push({ cls: `ent ent-${entityClass(ent.label)}`, start: ent.start, end: ent.end,
      label: ent.label });
  }
  for (const span of spansOf(selected)) marks.push({ cls: span.role, ...span });
  const cuts = new Set([0, article.text.length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= article.text.length).sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = marks.filter((m) => m.start <= a && m.end >= b);
    const text = article.text.slice(a, b);
    if (!covering.length) { pieces.push(text); continue; }
    const span = el("span", { class: covering.map((m) => m.cls).join(" ") }, text);
    const evidence = covering.find((m) => m.id);
    const entity = covering.find((m) => m.label);
    if (entity) span.dataset.entity = entity.label;
    if (evidence && evidence.id !== selected.id) {
      span.title = "Åpne denne hendelsen";
      span.addEventListener("click", () => openEvent(evidence.id));
    } else if (entity) {
      span.title = ENTITY_NAMES[entity.label] || entity.label;
    }
    pieces.push(span);
  }
  $("#article-text").replaceChildren(...pieces);
  renderEntityLegend(article.entities || []);
}

function entityClass(label) {
  return Object.hasOwn(ENTITY_NAMES, label) ? label : "other";
}

// One key per entity label present in the article, in the order of ENTITY_NAMES.
function renderEntityLegend(entities) {
  let legend = $("#entity-legend");
  if (!legend) {
    legend = el("p", { id: "entity-legend", class: "meta" });
    $("#article-meta").after(legend);
  }
  const present = new Set(entities.map((e) => entityClass(e.label)));
  const keys = [...Object.keys(ENTITY_NAMES), "other"].filter((label) => present.has(label))
    .map((label) => el("span", { class: `ent ent-${label}` }, ENTITY_NAMES[label] || "Annet"));
  legend.replaceChildren(...(keys.length ? ["Navn i teksten: ", ...keys] : []));
}

function fieldRows(ev) {
  const rows = [["Type", null, ev.mode ? `${ev.event_type}/${ev.mode}` : ev.event_type, null]];
  const words = (start, end) => (Number.isInteger(start) && Number.isInteger(end)
    ? `«${state.article.text.slice(start, end)}» [${start}–${end}]` : "(ikke i teksten)");
  if (ev.trigger) rows.push(["trigger", "trigger", ev.trigger, words(ev.trigger_start, ev.trigger_end)]);
  for (const role of ["actor", "recipient", "source"]) {
    const p = ev[role];
    if (p) rows.push([role, role, role === "source" ? sourceName(p) : partyName(p), words(p.start, p.end)]);
  }
  if (ev.location) {
    const loc = ev.location;
    const where = loc.lat != null ? ` ${loc.lat.toFixed(2)}, ${loc.lon.toFixed(2)}` : "";
    rows.push(["location", "location", `${placeName(loc)}${where} ${loc.precision || ""}`,
      words(loc.start, loc.end)]);
  }
  if (ev.date) {
    const d = ev.date;
    const range = d.start === d.end || !d.end ? d.start : `${d.start}–${d.end}`;
    rows.push(["date", "date", `${range || "?"} (${d.precision || "?"})`, words(d.span_start, d.span_end)]);
  }
  for (const q of ev.quantities || []) {
    rows.push(["quantity", "quantity", `${q.best ?? "?"} ${q.what || ""}`, words(q.start, q.end)]);
  }
  rows.push(["Stance", null, ev.stance, null]);
  rows.push(["Setning", null, `[${ev.evidence.start}–${ev.evidence.end}]`, null]);
  return rows;
}

// Review field names (as in Event) to the rows of fieldRows() they change.
const FIELD_ROWS = { event_type: "Type", mode: "Type", actor: "actor", recipient: "recipient",
  location: "location", date: "date", quantities: "quantity", source: "source", stance: "Stance" };

function renderFields(article, detail) {
  const machine = fieldRows(detail.event);
  const reviewed = detail.effective ? fieldRows(detail.effective) : [];
  const latest = detail.reviews[detail.reviews.length - 1];
  // What the latest correction touched is shown as corrected, even where it kept the value.
  const touched = new Set(latest && latest.action === "correct"
    ? Object.keys(latest.fields).map((f) => FIELD_ROWS[f]) : []);
  const correctedValues = new Map();
  for (const [name, , value] of reviewed) {
    if (touched.has(name)) correctedValues.set(name, [...(correctedValues.get(name) || []), value]);
  }
  const rows = machine.map(([name, role, value, from]) => {
    const label = role ? el("span", { class: `role ${role}` }, ROLE_NAMES[role]) : name;
    const cell = el("td", {}, value);
    if (touched.has(name)) {
      const now = correctedValues.get(name);
      cell.append(el("div", { class: "corrected" }, now ? `rettet: ${now.join("; ")}` : "fjernet"));
      correctedValues.delete(name);
    }
    return el("tr", {}, el("th", {}, label), cell, el("td", { class: "meta" }, from || ""));
  });
  for (const [name, values] of correctedValues) {
    const role = ROLES.includes(name) ? name : null;
    rows.push(el("tr", {}, el("th", {}, role ? ROLE_NAMES[role] : name),
      el("td", { class: "corrected" }, `lagt til: ${values.join("; ")}`), el("td")));
  }
  if (detail.event.review === "reject") {
    rows.unshift(el("tr", {}, el("td", { colspan: 3, class: "corrected" }, "Avvist av kontrollør")));
  }
  $("#fields tbody").replaceChildren(...rows);
}

function renderReviews(detail) {
  const items = detail.reviews.map((r) => el("li", {},
    `${r.created_at.slice(0, 19).replace("T", " ")} ${r.reviewer}: ${REVIEW_NAMES[r.action]}`,
    Object.keys(r.fields).length ? ` (${Object.keys(r.fields).join(", ")})` : "",
    r.comment ? ` – ${r.comment}` : ""));
  $("#reviews").replaceChildren(
    items.length ? el("h3", {}, "Kontrollhistorikk") : "", items.length ? el("ul", {}, ...items) : "");
}

function fillReviewForm(detail) {
  const f = $("#review-form");
  const ev = detail.effective || detail.event;
  f.elements.event_type.value = ev.event_type;
  f.elements.mode.value = ev.mode || "";
  f.elements.actor.value = ev.actor ? ev.actor.name || ev.actor.text : "";
  f.elements.recipient.value = ev.recipient ? ev.recipient.name || ev.recipient.text : "";
  f.elements.location.value = ev.location ? ev.location.name || ev.location.text : "";
  f.elements.date_start.value = ev.date?.start || "";
  f.elements.date_end.value = ev.date?.end || "";
  f.elements.numbers.value = (ev.quantities || []).map((q) => q.best ?? "").filter((v) => v !== "").join(", ");
  f.elements.stance.value = ev.stance;
  f.elements.token.value = sessionStorage.getItem("konflikt-token") || "";
  f.elements.reviewer.value = localStorage.getItem("konflikt-reviewer") || f.elements.reviewer.value;
  $("#review-message").textContent = "";
}

function corrections(f, ev) {
  // Only what the analyst changed is sent: the rest keeps the machine's value.
  const out = {};
  const text = (name) => f.elements[name].value.trim();
  if (text("event_type") !== ev.event_type) out.event_type = text("event_type");
  if (text("mode") !== (ev.mode || "")) out.mode = text("mode") || null;
  if (text("stance") !== ev.stance) out.stance = text("stance");
  for (const role of ["actor", "recipient"]) {
    const old = ev[role] ? ev[role].name || ev[role].text : "";
    if (text(role) !== old) out[role] = text(role) ? { text: text(role), name: text(role) } : null;
  }
  const oldPlace = ev.location ? ev.location.name || ev.location.text : "";
  if (text("location") !== oldPlace) {
    out.location = text("location") ? { text: text("location"), name: text("location") } : null;
  }
  if (text("date_start") !== (ev.date?.start || "") || text("date_end") !== (ev.date?.end || "")) {
    out.date = text("date_start") ? { text: ev.date?.text || "", start: text("date_start"),
      end: text("date_end") || text("date_start"), precision: "day" } : null;
  }
  const oldNumbers = (ev.quantities || []).map((q) => q.best ?? "").filter((v) => v !== "").join(", ");
  if (text("numbers") !== oldNumbers) {
    out.quantities = text("numbers").split(/[,;]\s*/).filter(Boolean)
      .map((n) => ({ text: n, best: Number(n.replace(/\s/g, "")) }));
  }
  return out;
}

async function submitReview(event) {
  event.preventDefault();
  const f = event.target;
  const detail = state.event;
  const action = f.elements.action.value;
  const body = { action, reviewer: f.elements.reviewer.value.trim() };
  if (f.elements.comment.value.trim()) body.comment = f.elements.comment.value.trim();
  if (action === "correct") {
    body.corrections = corrections(f, detail.effective || detail.event);
    if (!Object.keys(body.corrections).length) {
      $("#review-message").textContent = "Ingen felt er endret.";
      return;
    }
  }
  sessionStorage.setItem("konflikt-token", f.elements.token.value);
  localStorage.setItem("konflikt-reviewer", body.reviewer);
  try {
    await api(`/api/events/${detail.event.id}/review`, null, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${f.elements.token.value}` },
      body: JSON.stringify(body),
    });
    await openEvent(detail.event.id);
    $("#review-message").textContent = "Kontroll lagret.";
    loadTable();
  } catch (error) {
    $("#review-message").textContent = `Ikke lagret: ${error.message}`;
  }
}

function renderClaims(claims, id) {
  if (!claims.sources.length) {
    $("#claims").replaceChildren(el("p", { class: "meta" }, "Ingen sted eller dato å sammenligne."));
    return;
  }
  const columns = claims.sources.map((claim) => el("div", { class: "claim" },
    el("h4", {}, claim.source),
    ...claim.events.map((ev) => el("p", { class: ev.id === id ? "selected" : "" },
      el("strong", {}, `${ev.event_type}${ev.mode ? `/${ev.mode}` : ""} `),
      `${ev.date?.start || ""} ${partyName(ev.actor)}`,
      (ev.quantities || []).length ? ` (${ev.quantities.map((q) => q.text).join(", ")})` : "",
      el("br"), el("span", { class: "meta" }, ev.evidence.sentence)))));
  $("#claims").replaceChildren(
    el("p", { class: "meta" }, `${claims.place || "?"}, ${claims.start} – ${claims.end}`), ...columns);
}

// --- wiring ---

function options(select, values) {
  select.append(...values.map((v) => el("option", { value: v }, v)));
}

options(form.elements.type, TYPES);
options(form.elements.stance, STANCES);
options($("#review-form").elements.event_type, TYPES);
options($("#review-form").elements.stance, STANCES);
form.addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
$("#reset").addEventListener("click", () => { form.reset(); refresh(); });
$("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadTable(); });
$("#next").addEventListener("click", () => { state.offset += PAGE; loadTable(); });
for (const th of document.querySelectorAll("th[data-sort]")) {
  th.addEventListener("click", () => {
    const key = th.dataset.sort;
    state.sort = state.sort === key ? `-${key}` : key;
    state.offset = 0;
    loadTable();
  });
}
$("#close-article").addEventListener("click", () => { $("#article").hidden = true; });
$("#review-form").addEventListener("submit", submitReview);
wireMap();
refresh();
