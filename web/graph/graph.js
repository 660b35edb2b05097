// The /graph page: fetches /api/v2/projects/<project>/graph-viz and draws it with d3's force layout.
// Circles are sized by importance and coloured by community; a click centres the view on a file.
// No inline handlers and no other origin (the page runs under a strict Content-Security-Policy).
// When a drawing is complete, body[data-graph-ready] holds the number of files drawn.
(() => {
  'use strict';

  const KEY_STORAGE = 'cartograph.apiKey';
  const LIMITS = { depth: [1, 5, 2], max_nodes: [1, 2000, 300] };
  const LABELLED = 15; // files labelled without hovering: the root and the most important ones
  const PALETTE = d3.schemeTableau10;
  const NO_COMMUNITY = '#9aa0a6';
  const LABEL_ROOM = 18; // px above a circle, unscaled

  const $ = (id) => document.getElementById(id);
  const svg = d3.select('#graph');
  const status = $('status');
  const tooltip = $('tooltip');

  function intParam(value, [min, max, fallback]) {
    const n = Number.parseInt(value ?? '', 10);
    return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
  }

  function stateFromUrl() {
    const q = new URLSearchParams(location.search);
    return {
      project: q.get('project') || 'default',
      root: q.get('root') || '',
      depth: intParam(q.get('depth'), LIMITS.depth),
      maxNodes: intParam(q.get('max_nodes'), LIMITS.max_nodes),
    };
  }

  let state = stateFromUrl();
  let latest = 0; // only the newest request may draw

  function pageUrl() {
    const q = new URLSearchParams({ project: state.project });
    if (state.root) q.set('root', state.root);
    q.set('depth', String(state.depth));
    q.set('max_nodes', String(state.maxNodes));
    return `${location.pathname}?${q}`;
  }

  function setStatus(text, isError = false) {
    status.textContent = text;
    status.classList.toggle('error', isError);
  }

  function authHeaders() {
    const key = sessionStorage.getItem(KEY_STORAGE);
    return key ? { Authorization: `Bearer ${key}` } : {};
  }

  /** Loads the view `state` describes; `push` records it in the history (a re-root). */
  async function load(push = false) {
    delete document.body.dataset.graphReady;
    if (push) history.pushState(null, '', pageUrl());
    else history.replaceState(null, '', pageUrl());
    $('root').value = state.root;
    $('depth').value = String(state.depth);
    $('max-nodes').value = String(state.maxNodes);
    const q = new URLSearchParams({ max_nodes: String(state.maxNodes) });
    if (state.root) {
      q.set('root', state.root);
      q.set('depth', String(state.depth));
    }
    const request = ++latest;
    setStatus('Loading…');
    let res;
    let body;
    try {
      res = await fetch(`/api/v2/projects/${encodeURIComponent(state.project)}/graph-viz?${q}`, { headers: authHeaders() });
      body = await res.json();
    } catch (err) {
      if (request === latest) setStatus(`The server could not be reached: ${err.message}`, true);
      return;
    }
    if (request !== latest) return;
    if (!res.ok) {
      const message = body?.error?.message ?? `HTTP ${res.status}`;
      if (res.status === 401) {
        setStatus(`${message} Enter the key above.`, true);
        $('key').focus();
      } else setStatus(message, true);
      return;
    }
    draw(body);
  }

  const colour = (group) => (group === null ? NO_COMMUNITY : PALETTE[(group - 1) % PALETTE.length]);

  function describe(view) {
    const parts = [`${view.nodes.length} files, ${view.links.length} imports`];
    parts.push(view.root ? `within ${view.depth} hop${view.depth === 1 ? '' : 's'} of ${view.root}` : 'the most important files');
    if (view.truncated) parts.push(`${view.truncated.shown} of ${view.truncated.total} shown`);
    parts.push(`index generation ${view.generation}`);
    return [parts.join(' · '), ...(view.notes ?? [])].join(' ');
  }

  function draw(view) {
    svg.selectAll('*').remove();
    svg.classed('focused', false); // the hovered circle went with the old drawing
    tooltip.hidden = true;
    const { width, height } = svg.node().getBoundingClientRect();
    const nodes = view.nodes.map((n) => ({ ...n }));
    const links = view.links.map((l) => ({ ...l }));
    // Importance spread over the files shown, so the most and least important differ visibly (one
    // importance for all gives the middle size).
    const size = d3.scaleSqrt().domain(d3.extent(nodes, (d) => d.importance)).range([4, 16]);
    const radius = (d) => size(d.importance);
    const root = nodes.find((n) => n.is_root);
    if (root) { root.fx = 0; root.fy = 0; }

    const labelled = new Set([...nodes].sort((a, b) => b.importance - a.importance || (a.id < b.id ? -1 : 1)).slice(0, LABELLED).map((n) => n.id));
    if (root) labelled.add(root.id);
    const neighbours = new Map(nodes.map((n) => [n.id, new Set([n.id])]));
    for (const l of view.links) { neighbours.get(l.source).add(l.target); neighbours.get(l.target).add(l.source); }

    // Laid out before drawing (a fixed number of ticks), so a drawing is complete when it appears
    // and the same graph is laid out the same way each time.
    const simulation = d3.forceSimulation(nodes)
      .force('link', d3.forceLink(links).id((d) => d.id).distance(60))
      .force('charge', d3.forceManyBody().strength(-180))
      .force('x', d3.forceX(0).strength(0.06))
      .force('y', d3.forceY(0).strength(0.06))
      .force('collide', d3.forceCollide((d) => radius(d) + 4))
      .stop();
    const ticks = Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay()));
    for (let i = 0; i < ticks; i++) simulation.tick();

    svg.append('defs').append('marker')
      .attr('id', 'arrow').attr('viewBox', '0 -4 8 8').attr('refX', 8).attr('refY', 0)
      .attr('markerWidth', 6).attr('markerHeight', 6).attr('orient', 'auto')
      .append('path').attr('d', 'M0,-4L8,0L0,4Z');
    const scene = svg.append('g');
    const line = scene.append('g').attr('class', 'links').selectAll('line').data(links).join('line')
      .classed('type-only', (d) => Boolean(d.type_only))
      .attr('marker-end', 'url(#arrow)');
    const circle = scene.append('g').attr('class', 'nodes').selectAll('circle').data(nodes).join('circle')
      .attr('r', radius)
      .attr('fill', (d) => colour(d.group))
      .attr('data-path', (d) => d.id)
      .classed('root', (d) => d.is_root);
    const label = scene.append('g').attr('class', 'labels').selectAll('text').data(nodes).join('text')
      .text((d) => d.label)
      .classed('hidden', (d) => !labelled.has(d.id))
      .attr('dy', (d) => -radius(d) - 4)
      .attr('text-anchor', 'middle');

    function place() {
      line.each(function (d) {
        // Stop at the target's edge so the arrowhead shows.
        const dx = d.target.x - d.source.x;
        const dy = d.target.y - d.source.y;
        const length = Math.hypot(dx, dy) || 1;
        const back = radius(d.target) + 2;
        d3.select(this)
          .attr('x1', d.source.x).attr('y1', d.source.y)
          .attr('x2', d.target.x - (dx / length) * back).attr('y2', d.target.y - (dy / length) * back);
      });
      circle.attr('cx', (d) => d.x).attr('cy', (d) => d.y);
      label.attr('x', (d) => d.x).attr('y', (d) => d.y);
    }
    place();
    simulation.on('tick', place);

    const zoom = d3.zoom().scaleExtent([0.05, 8]).on('zoom', (event) => scene.attr('transform', event.transform));
    svg.call(zoom);
    if (nodes.length) {
      // The labels sit above their circles: room for them at the top.
      const x0 = d3.min(nodes, (d) => d.x - radius(d));
      const x1 = d3.max(nodes, (d) => d.x + radius(d));
      const y0 = d3.min(nodes, (d) => d.y - radius(d) - LABEL_ROOM);
      const y1 = d3.max(nodes, (d) => d.y + radius(d));
      const margin = 24;
      const k = Math.min(1.5, (width - 2 * margin) / Math.max(1, x1 - x0), (height - 2 * margin) / Math.max(1, y1 - y0));
      svg.call(zoom.transform, d3.zoomIdentity.translate(width / 2, height / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2));
    }

    circle.call(d3.drag()
      .on('start', (event, d) => {
        if (!event.active) simulation.alphaTarget(0.3).restart();
        d.fx = d.x;
        d.fy = d.y;
      })
      .on('drag', (event, d) => { d.fx = event.x; d.fy = event.y; })
      .on('end', (event, d) => {
        if (!event.active) simulation.alphaTarget(0);
        if (!d.is_root) { d.fx = null; d.fy = null; }
      }));

    // d3-drag swallows the click that ends a drag, so a click here is a real one.
    circle.on('click', (event, d) => {
      state = { ...state, root: d.id };
      load(true);
    });
    circle.on('mouseenter', (event, d) => {
      const near = neighbours.get(d.id);
      svg.classed('focused', true);
      circle.classed('near', (n) => near.has(n.id));
      label.classed('near', (n) => near.has(n.id));
      line.classed('near', (l) => l.source.id === d.id || l.target.id === d.id);
      const community = view.communities.find((c) => c.id === d.group);
      tooltip.textContent = [
        d.id,
        `${d.language ?? 'no language'} · importance ${d.importance}`,
        `imported by ${d.fan_in} · imports ${d.fan_out}`,
        community ? `community ${community.id}: ${community.theme}` : 'no community (no import edge)',
        ...(d.distance !== undefined ? [`${d.distance} hop${d.distance === 1 ? '' : 's'} from the root`] : []),
      ].join('\n');
      tooltip.hidden = false;
    });
    circle.on('mousemove', (event) => {
      const box = svg.node().getBoundingClientRect();
      tooltip.style.left = `${event.clientX - box.left + 14}px`;
      tooltip.style.top = `${event.clientY - box.top + 14}px`;
    });
    circle.on('mouseleave', () => {
      svg.classed('focused', false);
      circle.classed('near', false);
      label.classed('near', false);
      line.classed('near', false);
      tooltip.hidden = true;
    });

    drawLegend(view);
    const paths = $('paths');
    paths.replaceChildren(...nodes.map((n) => Object.assign(document.createElement('option'), { value: n.id })));
    setStatus(describe(view));
    document.body.dataset.graphRoot = view.root ?? '';
    document.body.dataset.graphReady = String(nodes.length);
  }

  function drawLegend(view) {
    const items = view.communities.map((c) => {
      const li = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = colour(c.id);
      const text = document.createElement('span');
      text.textContent = `${c.id}. ${c.theme} (${c.size} file${c.size === 1 ? '' : 's'})`;
      const hub = document.createElement('div');
      hub.className = 'hub';
      hub.textContent = `hub: ${c.hub}`;
      text.append(hub);
      li.append(swatch, text);
      li.title = `Centre on ${c.hub}`;
      li.addEventListener('click', () => {
        state = { ...state, root: c.hub };
        load(true);
      });
      return li;
    });
    if (view.nodes.some((n) => n.group === null)) {
      const li = document.createElement('li');
      li.className = 'none';
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = NO_COMMUNITY;
      li.append(swatch, document.createTextNode('files with no import edge'));
      items.push(li);
    }
    $('legend-list').replaceChildren(...items);
  }

  $('controls').addEventListener('submit', (event) => {
    event.preventDefault();
    state = {
      ...state,
      root: $('root').value.trim(),
      depth: intParam($('depth').value, LIMITS.depth),
      maxNodes: intParam($('max-nodes').value, LIMITS.max_nodes),
    };
    load(true);
  });
  $('whole').addEventListener('click', () => {
    state = { ...state, root: '' };
    load(true);
  });
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = $('key').value.trim();
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
    $('key').value = '';
    load();
  });
  window.addEventListener('popstate', () => {
    state = stateFromUrl();
    load();
  });

  load();
})();
