// The analyst's desk: a map, a network, a timeline and an article view over Legation's API.
// Everything it shows comes from /api/v1; each panel links to the JSON it was drawn from.
// The page's state (view, date, country, sides, filters, document) lives in the URL, so a
// link shows the same thing to whoever opens it.
"use strict";

const API = "/api/v1";
const FIRST_DAY = "1945-01-01";
const DAY_MS = 86400000;

const STATUS_COLOURS = {
  operating: "#1a7f37", reopened: "#2da44e", reopened_limited: "#7cc45a",
  listed: "#8c959f", staff_withdrawn: "#d4a72c", relocated: "#b35900",
  suspended: "#cf222e", closed: "#6e1111", not_yet_open: "#c8c8c8",
};
const STATUS_NAMES = {
  operating: "operating", reopened: "reopened", reopened_limited: "reopened (limited)",
  listed: "listed, unconfirmed", staff_withdrawn: "staff withdrawn", relocated: "relocated",
  suspended: "suspended", closed: "closed",
};

const desk = {
  state: {},            // what the URL says: view, at, host, a, b, actor, type, modality, doc
  countries: {},        // code -> {code, name, numeric, latlng}
  byNumeric: {}, byName: {},
  map: null, outlines: null, missionLayer: null,
  cy: null, timeline: null,
  loaded: {},           // view -> the state key it was last drawn for
};
window.desk = desk;     // for the console (and the page tests)

// ---------------------------------------------------------------------------------- helpers

function $(id) { return document.getElementById(id); }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function name(code) { return (desk.countries[code] || {}).name || code; }

function url(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) q.set(k, v);
  const s = q.toString();
  return API + path + (s ? "?" + s : "");
}

async function getJSON(address, options) {
  const resp = await fetch(address, options);
  let body = null;
  try { body = await resp.json(); } catch (e) { /* not JSON */ }
  if (!resp.ok) {
    const message = (body && body.message) || `${resp.status} ${resp.statusText}`;
    const err = new Error(message);
    err.status = resp.status;
    throw err;
  }
  return body;
}

function notify(message, kind) {
  const box = $("notice");
  if (!message) { box.hidden = true; return; }
  box.textContent = message;
  box.className = kind || "error";
  box.hidden = false;
}

function twin(linkId, address) {
  const a = $(linkId);
  a.href = address;
  a.hidden = false;
}

// ------------------------------------------------------------------------------ URL state

function readURL() {
  const q = new URLSearchParams(location.search);
  desk.state = {
    view: q.get("view") || "map",
    at: q.get("at") || new Date().toISOString().slice(0, 10),
    host: q.get("host") || "",
    show: q.get("show") || "present",
    a: q.get("a") || "NATO", b: q.get("b") || "North Korea",
    actor: q.get("actor") || "", type: q.get("type") || "", modality: q.get("modality") || "",
    listings: q.get("listings") === "1",
    doc: q.get("doc") || "",
  };
}

function writeURL() {
  const s = desk.state;
  const q = new URLSearchParams();
  q.set("view", s.view);
  q.set("at", s.at);
  if (s.host) q.set("host", s.host);
  if (s.show !== "present") q.set("show", s.show);
  if (s.view === "network") { q.set("a", s.a); q.set("b", s.b); }
  if (s.actor) q.set("actor", s.actor);
  if (s.type) q.set("type", s.type);
  if (s.modality) q.set("modality", s.modality);
  if (s.listings) q.set("listings", "1");
  if (s.doc) q.set("doc", s.doc);
  history.replaceState(null, "", "?" + q.toString());
}

function set(changes) {
  Object.assign(desk.state, changes);
  writeURL();
  render();
}

// ------------------------------------------------------------------------------- the date

function dayNumber(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / DAY_MS); }
function isoDay(n) { return new Date(n * DAY_MS).toISOString().slice(0, 10); }

function setupDate() {
  const slider = $("date-slider"), input = $("date-input");
  const today = new Date().toISOString().slice(0, 10);
  slider.min = dayNumber(FIRST_DAY);
  slider.max = dayNumber(today);
  input.min = FIRST_DAY;
  input.max = today;
  let pending = null;
  slider.addEventListener("input", () => {
    input.value = isoDay(Number(slider.value));
    clearTimeout(pending);  // redraw once the slider rests
    pending = setTimeout(() => set({ at: isoDay(Number(slider.value)) }), 250);
  });
  slider.addEventListener("change", () => {
    clearTimeout(pending);
    set({ at: isoDay(Number(slider.value)) });
  });
  input.addEventListener("change", () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(input.value)) set({ at: input.value });
  });
}

function showDate() {
  $("date-slider").value = dayNumber(desk.state.at);
  $("date-input").value = desk.state.at;
}

// -------------------------------------------------------------------------------- the map

function statusColour(status) { return STATUS_COLOURS[status] || "#555"; }

async function setupMap() {
  desk.map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 9 })
    .setView([30, 20], 2);
  desk.map.attributionControl.addAttribution("Outlines: Natural Earth via world-atlas");
  const world = await (await fetch("/static/vendor/countries-50m.json")).json();
  const shapes = topojson.feature(world, world.objects.countries);
  desk.outlines = L.geoJSON(shapes, {
    style: () => ({ color: "#8a8f98", weight: 0.6, fillColor: "#eef0f2", fillOpacity: 1 }),
    onEachFeature: (feature, layer) => {
      const c = countryOf(feature);
      feature.properties.code = c ? c.code : null;
      layer.bindTooltip(c ? c.name : feature.properties.name, { sticky: true });
      layer.on("click", () => { if (c) set({ host: c.code, view: "map" }); });
    },
  }).addTo(desk.map);
  desk.missionLayer = L.layerGroup().addTo(desk.map);
  const legend = $("legend");
  for (const [status, label] of Object.entries(STATUS_NAMES)) {
    legend.append(el("span", { class: "swatch" }, el("i", { style: `background:${statusColour(status)}` }), label));
  }
}

function countryOf(feature) {
  return desk.byNumeric[feature.id] || desk.byName[(feature.properties.name || "").toLowerCase()] || null;
}

function hostPoint(m) {
  if (m.lat !== null && m.lon !== null && m.lat !== undefined) return [m.lat, m.lon];
  const c = desk.countries[m.host];
  return c && c.latlng;
}

async function drawMap() {
  const s = desk.state;
  desk.outlines.setStyle((f) => ({
    color: "#8a8f98", weight: f.properties.code === s.host ? 1.6 : 0.6,
    fillColor: f.properties.code === s.host ? "#ffe8a3" : "#eef0f2", fillOpacity: 1,
  }));
  desk.missionLayer.clearLayers();
  const body = $("country-body");
  if (!s.host) {
    $("country-title").textContent = "Click a country";
    $("country-hint").hidden = false;
    body.replaceChildren();
    return;
  }
  $("country-hint").hidden = true;
  const address = url(`/countries/${encodeURIComponent(s.host)}`, { at: s.at });
  twin("map-json", address);
  const data = await getJSON(address);
  if (data.at !== desk.state.at || data.code !== desk.state.host) return;  // a newer request won
  $("country-title").textContent = `${data.name} on ${data.at}`;
  const shown = s.show === "abroad" ? data.abroad : data.present;
  for (const m of shown) {
    const from = (desk.countries[m.sender] || {}).latlng, to = hostPoint(m);
    const colour = statusColour(m.status);
    const tip = `${name(m.sender)} ${m.kind} in ${m.city || name(m.host)}: ${m.status_label}` +
      (m.since ? ` since ${m.since}` : "");
    if (from && to) {
      L.polyline([from, to], { color: colour, weight: m.staffed ? 2.2 : 1.2, opacity: 0.8,
        dashArray: m.staffed ? null : "4 4", className: `mission-line status-${m.status}` })
        .bindTooltip(tip).addTo(desk.missionLayer);
    }
    if (to) {
      L.circleMarker(to, { radius: 4, color: colour, fillColor: colour, fillOpacity: 0.9, weight: 1 })
        .bindTooltip(tip).addTo(desk.missionLayer);
    }
  }
  body.replaceChildren(countryPanel(data));
  if (desk.framed !== `${s.host}|${s.show}`) {  // frame a newly chosen country, not every date
    desk.framed = `${s.host}|${s.show}`;
    const points = shown.map(hostPoint).concat(shown.map((m) => (desk.countries[m.sender] || {}).latlng)).filter(Boolean);
    if (points.length) desk.map.fitBounds(L.latLngBounds(points).pad(0.1), { maxZoom: 5, animate: false });
  }
}

function countryPanel(data) {
  const s = desk.state;
  const frag = document.createDocumentFragment();
  const toggle = el("div", { class: "toggle" },
    el("label", {}, el("input", { type: "radio", name: "show", value: "present", checked: s.show !== "abroad",
      onchange: () => set({ show: "present" }) }), ` present in ${data.name} (${data.present.length})`),
    el("label", {}, el("input", { type: "radio", name: "show", value: "abroad", checked: s.show === "abroad",
      onchange: () => set({ show: "abroad" }) }), ` its missions abroad (${data.abroad.length})`));
  frag.append(toggle);
  const staffed = data.present.filter((m) => m.staffed);
  frag.append(el("p", { class: "summary", id: "present-summary" },
    `${staffed.length} with diplomats known on site: `,
    staffed.map((m) => name(m.sender)).join(", ") || "none"));
  const rows = (s.show === "abroad" ? data.abroad : data.present).map((m) => el("tr", { "data-status": m.status },
    el("td", {}, name(s.show === "abroad" ? m.host : m.sender)),
    el("td", {}, m.city || ""),
    el("td", {}, m.kind),
    el("td", {}, el("i", { class: "dot", style: `background:${statusColour(m.status)}` }), m.status_label,
      m.since ? ` since ${m.since}` : ""),
    el("td", {}, m.governing ? el("a", { href: url(`/events/${m.governing.id}`), target: "_blank" }, "evidence") : "")));
  frag.append(el("table", { id: "present-table" },
    el("thead", {}, el("tr", {}, el("th", {}, s.show === "abroad" ? "Host" : "Sender"), el("th", {}, "City"),
      el("th", {}, "Kind"), el("th", {}, "Status"), el("th", {}, ""))),
    el("tbody", {}, rows)));
  frag.append(el("h3", {}, "Protecting powers"));
  const pps = data.protecting_powers.map((p) => el("li", {},
    `${name(p.protecting)} represents ${name(p.protected)} in ${name(p.host)} `,
    el("span", { class: "muted" }, p.since ? `(since ${p.since})` : "(start date not stated)")));
  frag.append(pps.length ? el("ul", { id: "protecting-list" }, pps) : el("p", { class: "muted" }, "none in force"));
  frag.append(el("h3", {}, "Blocs"));
  frag.append(el("p", {}, data.blocs.map((b) => b.bloc + (b.suspended ? " (suspended)" : "")).join(", ") || "none"));
  return frag;
}

// ---------------------------------------------------------------------------- the network

const NET_STYLE = [
  { selector: "node", style: { label: "data(label)", "font-size": 11, "background-color": "#4a6fa5",
    color: "#222", "text-valign": "bottom", "text-margin-y": 3, width: 18, height: 18 } },
  { selector: "node.side", style: { "background-color": "#1f3b63", width: 26, height: 26, "font-weight": "bold" } },
  { selector: "node.via", style: { "background-color": "#8250df", shape: "diamond" } },
  { selector: ":parent", style: { "background-opacity": 0.07, "background-color": "#1f3b63", "border-color": "#1f3b63",
    "border-width": 1, label: "data(label)", "text-valign": "top", "font-size": 14, "font-weight": "bold" } },
  { selector: "edge", style: { width: 2, "curve-style": "bezier", "target-arrow-shape": "triangle",
    "arrow-scale": 0.8, "line-color": "#1a7f37", "target-arrow-color": "#1a7f37" } },
  { selector: "edge.unstaffed", style: { "line-color": "#cf222e", "target-arrow-color": "#cf222e",
    "line-style": "dashed", width: 1.2 } },
  { selector: "edge.listed", style: { "line-color": "#8c959f", "target-arrow-color": "#8c959f", width: 1 } },
  { selector: "edge.accredited", style: { "line-color": "#0969da", "target-arrow-color": "#0969da",
    "line-style": "dotted", width: 1.5 } },
  { selector: "edge.protecting", style: { "line-color": "#8250df", "target-arrow-color": "#8250df",
    "line-style": "dashed", width: 2 } },
];

function channelClass(ch) {
  if (ch.kind === "accredited") return "accredited";
  if (ch.kind === "protecting_power") return "protecting";
  if (/^(operating|reopened)/.test(ch.status)) return "staffed";
  if (/^listed/.test(ch.status)) return "listed";
  return "unstaffed";
}

async function drawNetwork() {
  const s = desk.state;
  $("net-a").value = s.a;
  $("net-b").value = s.b;
  const address = url("/channels", { a: s.a, b: s.b, at: s.at });
  twin("net-json", address);
  const data = await getJSON(address);
  if (data.at !== desk.state.at) return;
  const nodes = new Map(), edges = [];
  const groupOf = {};
  for (const [group, members] of Object.entries(data.members)) {
    nodes.set("grp:" + group, { data: { id: "grp:" + group, label: group } });
    for (const m of members) groupOf[m] = groupOf[m] || "grp:" + group;
  }
  const node = (code, cls) => {
    if (!nodes.has(code)) {
      nodes.set(code, { data: { id: code, label: name(code), parent: groupOf[code] }, classes: cls || "" });
    }
  };
  for (const side of [data.a, data.b]) if (!data.members[side]) node(side, "side");
  data.channels.forEach((ch, i) => {
    node(ch.from_state);
    node(ch.to_state);
    const cls = channelClass(ch);
    const label = ch.kind === "resident" ? ch.status : ch.kind === "accredited" ? ch.via : ch.status;
    if (ch.kind === "protecting_power") {
      node(ch.via, "via");
      edges.push({ data: { id: `e${i}a`, source: ch.from_state, target: ch.via, label, channel: i }, classes: cls });
      edges.push({ data: { id: `e${i}b`, source: ch.via, target: ch.to_state, label, channel: i }, classes: cls });
    } else {
      edges.push({ data: { id: `e${i}`, source: ch.from_state, target: ch.to_state, label, channel: i }, classes: cls });
    }
  });
  if (!desk.cy) {
    desk.cy = cytoscape({ container: $("cy"), style: NET_STYLE, wheelSensitivity: 0.3 });
    desk.cy.on("tap", "edge", (evt) => showChannel(evt.target.data("channel")));
  }
  desk.cy.elements().remove();
  desk.cy.add([...nodes.values(), ...edges]);
  desk.cy.resize();
  desk.cy.layout({ name: "cose", animate: false, nodeDimensionsIncludeLabels: true, randomize: false,
    idealEdgeLength: () => 90, nodeRepulsion: () => 9000 }).run();
  desk.netData = data;
  netPanel(data);
}

function netPanel(data) {
  const counts = {};
  for (const ch of data.channels) counts[channelClass(ch)] = (counts[channelClass(ch)] || 0) + 1;
  const list = data.channels.map((ch, i) => el("li", { "data-kind": ch.kind, "data-channel": i },
    el("b", {}, `${name(ch.from_state)} → ${name(ch.to_state)}`), " ",
    ch.kind === "resident" ? `${ch.city || ""} mission: ${ch.status}` :
      ch.kind === "accredited" ? `accredited from ${ch.via}: ${ch.status}` :
        `through ${name(ch.via)}: ${ch.status}`));
  $("net-panel").replaceChildren(
    el("h2", {}, `${data.a} ↔ ${data.b} on ${data.at}`),
    el("p", { id: "net-summary" }, `${data.channels.length} channels: ${counts.staffed || 0} staffed resident missions, ` +
      `${counts.unstaffed || 0} not staffed, ${counts.listed || 0} listed only, ${counts.accredited || 0} accredited ` +
      `from a third country, ${counts.protecting || 0} through a protecting power.`),
    el("ol", { id: "channel-list" }, list));
}

function showChannel(i) {
  const li = document.querySelector(`#channel-list li[data-channel="${i}"]`);
  if (!li) return;
  document.querySelectorAll("#channel-list li.picked").forEach((x) => x.classList.remove("picked"));
  li.classList.add("picked");
  li.scrollIntoView({ block: "nearest" });
}

// --------------------------------------------------------------------------- the timeline

function eventLabel(e) {
  const who = [e.actor && name(e.actor), e.target && name(e.target)].filter(Boolean).join(" → ");
  return `${who}: ${(e.subtype || e.type || "event").replace(/_/g, " ")}`;
}

function reportedClass(e) {
  if (e.modality !== "asserted") return `m-${e.modality} reported`;
  return e.attributed_to ? "m-attributed reported" : "m-asserted";
}

async function drawTimeline() {
  const s = desk.state;
  $("tl-actor").value = s.actor;
  $("tl-type").value = s.type;
  $("tl-modality").value = s.modality;
  $("tl-listings").checked = s.listings;
  const address = url("/events", { actor: s.actor, type: s.type, modality: s.modality, limit: 1000, order: "newest",
    exclude_subtype: s.listings ? "" : "mission_listed" });
  twin("tl-json", address);
  const data = await getJSON(address);
  const items = [];
  let undated = 0;
  for (const e of data.events) {
    const start = e.date_start || e.reported;
    if (!start) { undated++; continue; }
    // A point at the first day the event's date allows; the tooltip gives its precision.
    items.push({ id: e.id, content: eventLabel(e), start, type: "point", className: reportedClass(e),
      title: `${e.date ? `${e.date} (${e.precision})` : "undated, reported " + e.reported} · ${e.modality}` +
        (e.attributed_to ? ` · according to ${e.attributed_to}` : "") + (e.note ? ` · ${e.note}` : "") });
  }
  desk.tlEvents = Object.fromEntries(data.events.map((e) => [e.id, e]));
  $("tl-count").textContent = `${data.total} events` + (data.total > data.events.length ? `, newest ${data.events.length} shown` : "") +
    (undated ? `; ${undated} undated left out` : "");
  if (!desk.timeline) {
    desk.timeline = new vis.Timeline($("timeline"), new vis.DataSet(items), {
      minHeight: "240px", maxHeight: "560px", stack: true, zoomKey: "ctrlKey", tooltip: { followMouse: true },
      min: "1900-01-01", max: "2040-01-01",
    });
    desk.timeline.addCustomTime(s.at, "asof");
    desk.timeline.on("select", (props) => showEvent(props.items[0]));
  } else {
    desk.timeline.setItems(new vis.DataSet(items));
    desk.timeline.setCustomTime(s.at, "asof");
  }
  // The window follows the as-of date: five years before it, two after.
  const at = dayNumber(s.at);
  desk.timeline.setWindow(isoDay(at - 5 * 365), isoDay(at + 2 * 365), { animation: false });
}

function showEvent(id) {
  const e = desk.tlEvents && desk.tlEvents[id];
  if (!e) return;
  $("tl-detail").replaceChildren(
    el("h3", {}, eventLabel(e), " ", el("span", { class: `badge ${reportedClass(e)}` }, e.modality)),
    el("p", {}, [e.date ? `dated ${e.date} (${e.precision})` : `undated; reported ${e.reported}`,
      e.city && `in ${e.city}`, e.attributed_to && `according to ${e.attributed_to}` +
        (e.attribution_cue ? ` (${e.attribution_cue})` : ""), e.note].filter(Boolean).join(" · ")),
    el("ul", {}, e.sources.map((src) => el("li", {},
      src.url ? el("a", { href: src.url, target: "_blank", rel: "noopener" }, src.citation) : src.citation,
      el("span", { class: "muted" }, ` ${src.dataset} ${src.locator}`)))),
    el("a", { class: "json-twin", href: url(`/events/${e.id}`), target: "_blank" }, "JSON"));
}

// ---------------------------------------------------------------------------- the article

function modalityOf(events) {
  const weak = events.find((e) => e.modality !== "asserted");
  if (weak) return weak.modality;
  return events.some((e) => e.attributed_to) ? "attributed" : "asserted";
}

function drawArticle(data) {
  $("art-heading").textContent = data.title || `Document ${data.id}`;
  twin("art-json", url(`/documents/${data.id}`));
  const text = data.text;
  const bySpan = new Map();
  data.events.forEach((e, i) => {
    const span = e.provenance && e.provenance.span;
    if (!span) return;
    const key = span.join(":");
    if (!bySpan.has(key)) bySpan.set(key, { span, events: [] });
    bySpan.get(key).events.push({ ...e, n: i + 1 });
  });
  const out = $("art-text-out");
  out.replaceChildren();
  let at = 0;
  for (const { span, events } of [...bySpan.values()].sort((x, y) => x.span[0] - y.span[0])) {
    const [start, end] = span;
    if (start < at) continue;  // overlapping spans: keep the first
    out.append(text.slice(at, start));
    const mark = el("mark", { class: `ev m-${modalityOf(events)}`, "data-events": events.map((e) => e.id).join(" "),
      title: events.map((e) => `${e.n}. ${eventLabel(e)} (${e.modality}${e.attributed_to ? ", " + e.attributed_to : ""})`).join("\n") });
    const triggers = events.map((e) => e.provenance.trigger).filter((t) => t && t[0] >= start && t[1] <= end)
      .sort((x, y) => x[0] - y[0]);
    let pos = start;
    for (const [ts, te] of triggers) {
      if (ts < pos) continue;
      mark.append(text.slice(pos, ts), el("u", { class: "trigger" }, text.slice(ts, te)));
      pos = te;
    }
    mark.append(text.slice(pos, end));
    mark.append(el("sup", {}, events.map((e) => e.n).join(",")));
    for (const c of (data.claims || []).filter((c) => c.span[0] === start)) {
      mark.append(el("span", { class: `verdict ${verdictClass(c.verdict)}`, title: `${c.statement}: ${c.verdict}` },
        VERDICT_MARK[c.verdict] || "?"));
    }
    out.append(mark);
    at = end;
  }
  out.append(text.slice(at));
  $("art-events").replaceChildren(...data.events.map((e) => el("li", { class: reportedClass(e) },
    el("b", {}, eventLabel(e)), " ",
    el("span", { class: `badge ${reportedClass(e)}` }, e.modality),
    e.attributed_to ? ` according to ${e.attributed_to}${e.attribution_cue ? ` (${e.attribution_cue})` : ""}` : "",
    e.date ? ` · ${e.date}` : "",
    e.quantity ? ` · ${e.quantity.qualifier.replace("_", " ")} ${e.quantity.value} ${e.quantity.unit}` : "")));
  if (!data.events.length) $("art-events").replaceChildren(el("li", { class: "muted" }, "no events found in this text"));
  drawClaims(data.claims || []);
}

const VERDICT_MARK = { supported: "✔", contradicted: "✘", "not enough evidence": "?" };
const verdictClass = (v) => "v-" + v.split(" ")[0];

function drawClaims(claims) {
  $("art-claims").replaceChildren(...claims.map((c) => el("li", { class: verdictClass(c.verdict) },
    el("span", { class: `badge ${verdictClass(c.verdict)}` }, `${VERDICT_MARK[c.verdict]} ${c.verdict}`), " ",
    el("b", {}, c.statement),
    c.attribution && c.attribution.modality !== "asserted" ? el("span", { class: "badge reported" },
      ` claim by ${c.attribution.by || "an unnamed source"}`) : "",
    el("div", { class: "muted" }, c.reason + (c.needs ? ` — would be decided by: ${c.needs}` : "")),
    ...c.evidence.slice(0, 4).map((e) => el("div", { class: "evidence" }, "evidence: ", e.statement, " ",
      ...(e.sources[0] && e.sources[0].url ? [el("a", { href: e.sources[0].url, target: "_blank", rel: "noopener" }, "source")] : []))))));
  if (!claims.length) $("art-claims").replaceChildren(el("li", { class: "muted" }, "no checkable claims found"));
}

async function drawBrief(id) {
  const res = await fetch(url(`/documents/${encodeURIComponent(id)}/brief`, { format: "markdown" }));
  $("art-brief").textContent = res.ok ? await res.text() : "";
  twin("art-brief-json", url(`/documents/${encodeURIComponent(id)}/brief`));
}

async function loadDocuments() {
  const data = await getJSON(url("/documents", { limit: 20 }));
  $("doc-list").replaceChildren(...data.documents.map((d) => el("li", {},
    el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); set({ doc: d.id }); } },
      d.title || d.origin || d.id), el("span", { class: "muted" }, ` ${d.events} events`))));
}

async function drawDocument() {
  loadDocuments().catch((e) => notify(e.message));
  if (!desk.state.doc) return;
  const id = encodeURIComponent(desk.state.doc);
  const [data, checked] = await Promise.all([getJSON(url(`/documents/${id}`)), getJSON(url(`/documents/${id}/claims`))]);
  drawArticle({ ...data, claims: checked.claims });
  drawBrief(desk.state.doc).catch((e) => notify(e.message));
}

function setupArticle() {
  const token = $("art-token");
  token.value = sessionStorage.getItem("legation-token") || "";
  $("article-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    sessionStorage.setItem("legation-token", token.value);
    const body = { text: $("art-text").value, title: $("art-title").value };
    if ($("art-published").value) body.published = $("art-published").value;
    $("art-go").disabled = true;
    notify("Reading the article ...", "info");
    try {
      const data = await getJSON(url("/documents"), {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token.value}` },
        body: JSON.stringify(body),
      });
      notify(`Read ${data.read.events} events (${data.read.new_events} new in the ledger).`, "info");
      desk.state.doc = data.id;
      writeURL();
      desk.loaded.article = key("article");
      drawArticle(data);
      drawBrief(data.id).catch((e) => notify(e.message));
      loadDocuments().catch(() => {});
    } catch (err) {
      notify(`Could not save the article: ${err.message}`);
    } finally {
      $("art-go").disabled = false;
    }
  });
}

// ------------------------------------------------------------------------------ the views

function key(view) {
  const s = desk.state;
  return {
    map: `${s.at}|${s.host}|${s.show}`, network: `${s.at}|${s.a}|${s.b}`,
    timeline: `${s.at}|${s.actor}|${s.type}|${s.modality}|${s.listings}`, article: s.doc,
  }[view];
}

const DRAW = { map: drawMap, network: drawNetwork, timeline: drawTimeline, article: drawDocument };

async function render() {
  const view = desk.state.view in DRAW ? desk.state.view : "map";
  showDate();
  for (const v of Object.keys(DRAW)) $("view-" + v).hidden = v !== view;
  document.querySelectorAll("#tabs a[data-view]").forEach((a) => a.classList.toggle("active", a.dataset.view === view));
  if (view === "map") desk.map.invalidateSize();
  const k = key(view);
  if (desk.loaded[view] === k) {
    document.body.dataset.drawn = `${view}|${k}`;
    return;
  }
  desk.loaded[view] = k;
  document.body.dataset.loading = view;
  try {
    await DRAW[view]();
    notify(null);
  } catch (err) {
    desk.loaded[view] = null;
    notify(err.message);
  } finally {
    if (key(view) === k) {
      delete document.body.dataset.loading;
      document.body.dataset.drawn = `${view}|${k}`;  // what is on screen (the page tests wait for it)
    }
  }
}

async function start() {
  readURL();
  setupDate();
  setupArticle();
  document.querySelectorAll("#tabs a[data-view]").forEach((a) => a.addEventListener("click", (ev) => {
    ev.preventDefault();
    set({ view: a.dataset.view });
  }));
  $("net-go").addEventListener("click", () => set({ a: $("net-a").value.trim(), b: $("net-b").value.trim() }));
  $("tl-go").addEventListener("click", () => set({ actor: $("tl-actor").value.trim(), type: $("tl-type").value,
    modality: $("tl-modality").value, listings: $("tl-listings").checked }));
  try {
    const [countries, groups] = await Promise.all([getJSON(url("/countries")), getJSON(url("/groups"))]);
    for (const c of countries.countries) {
      desk.countries[c.code] = c;
      if (c.numeric) desk.byNumeric[c.numeric] = c;
      desk.byName[c.name.toLowerCase()] = c;
    }
    $("actor-names").replaceChildren(...groups.groups.map((g) => el("option", { value: g.name })),
      ...countries.countries.filter((c) => c.kind === "state").map((c) => el("option", { value: c.name })));
    await setupMap();
  } catch (err) {
    notify(`The page could not start: ${err.message}`);
    return;
  }
  writeURL();
  await render();
}

start();
