// A PLC room, live (Pages/Plc/Room). The promise: no message is lost or doubled.
// - The browser makes each message's id (crypto.randomUUID) and keeps unsent messages in localStorage (the outbox);
//   they are sent again with the same id after a reconnect or a reload until the server acknowledges them (the server
//   stores an id once and answers a retry as a duplicate).
// - On every (re)connect the page calls JoinRoom(group, last sequence seen) and inserts what it missed in sequence
//   order, dropping what it already has (by id). A gap in the numbers (a message that overtook another) is filled the
//   same way.
// Message HTML comes sanitised from the server; everything else is inserted with textContent.
document.addEventListener('DOMContentLoaded', () => {
  const root = document.querySelector('[data-plc-room]');
  if (!root || !window.signalR) return;
  const T = JSON.parse(document.getElementById('plc-texts').textContent);
  const $ = (sel) => root.querySelector(sel);
  const groupId = root.dataset.groupId;
  const me = root.dataset.me;
  const reactions = (root.dataset.reactions || '').split(' ').filter(Boolean);
  const list = $('[data-plc-messages]');
  const statusEl = $('[data-plc-status]');
  const body = $('[data-plc-body]');
  const errorEl = $('[data-plc-error]');
  const outboxKey = `plc-outbox:${me}:${groupId}`;
  const fmt = (s, ...args) => s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
  const when = (iso) => new Date(iso).toLocaleString(document.documentElement.lang === 'th' ? 'th-TH' : 'en-GB',
    { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

  const state = {
    last: 0,            // every message up to here is on the page (catch-up starts after it)
    oldest: null,       // the lowest sequence shown ("load older" goes before it)
    byId: new Map(), members: new Map(), online: [], mayModerate: false, isOpen: true, mutedUntil: null,
    replyTo: null, attachments: [], mentions: new Map(), removed: false, otherUnread: 0, joined: false, pinned: new Map(),
  };

  // ---------- outbox ----------
  const loadOutbox = () => { try { return JSON.parse(localStorage.getItem(outboxKey) || '[]'); } catch { return []; } };
  const saveOutbox = (items) => { try { localStorage.setItem(outboxKey, JSON.stringify(items)); } catch { /* private mode: memory only */ } };
  let outbox = loadOutbox();

  // ---------- rendering ----------
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; };
  const nameOf = (id) => (state.members.get(id) || {}).name || '';

  const renderMessage = (m) => {
    const li = el('li', 'plc-message');
    li.dataset.id = m.id;
    li.dataset.seq = String(m.sequence);
    li.id = `m${m.sequence}`;
    if (m.authorId === me) li.classList.add('mine');
    if (m.hidden) li.classList.add('hidden-message');
    const head = el('p', 'plc-meta');
    head.append(el('strong', null, m.authorName), ' · ', el('time', null, when(m.sentAtUtc)));
    if (m.pinned) head.append(' · ', el('span', 'badge', T.pinned));
    li.append(head);
    if (m.reply) {
      const q = el('blockquote', 'plc-quote');
      q.append(el('strong', null, m.reply.authorName), ' ', m.reply.hidden && !m.reply.excerpt ? T.hidden : (m.reply.excerpt || ''));
      const jump = document.getElementById(`m${m.reply.sequence}`);
      if (jump) q.addEventListener('click', () => jump.scrollIntoView({ block: 'center' }));
      li.append(q);
    }
    if (m.hidden && !m.body) {
      li.append(el('p', 'muted', T.hidden));
    } else {
      if (m.hidden) li.append(el('p', 'muted', T.hiddenForYou));
      const content = el('div', 'plc-body prose');
      content.innerHTML = m.html; // sanitised by the server (ChatMarkdown)
      li.append(content);
      if (m.attachments && m.attachments.length) {
        const files = el('ul', 'plain plc-files');
        for (const a of m.attachments) {
          const item = el('li');
          const link = el('a');
          link.href = a.url;
          if (a.isImage) {
            const img = el('img');
            img.src = a.url; img.alt = a.fileName; img.loading = 'lazy'; img.className = 'plc-image';
            link.append(img);
          } else link.textContent = `📎 ${a.fileName}`;
          item.append(link);
          files.append(item);
        }
        li.append(files);
      }
    }
    const actions = el('p', 'plc-actions');
    for (const r of m.reactions || []) {
      const b = el('button', 'link-button plc-reaction' + (r.personIds.includes(me) ? ' mine' : ''), `${r.emoji} ${r.personIds.length}`);
      b.type = 'button';
      b.title = r.personIds.map(nameOf).filter(Boolean).join(', ');
      b.addEventListener('click', () => act('React', m.id, r.emoji));
      actions.append(b);
    }
    if (!m.hidden && state.isOpen) {
      for (const emoji of reactions.filter((e) => !(m.reactions || []).some((r) => r.emoji === e))) {
        const b = el('button', 'link-button plc-react', emoji);
        b.type = 'button';
        b.setAttribute('aria-label', fmt(T.react, emoji));
        b.addEventListener('click', () => act('React', m.id, emoji));
        actions.append(b);
      }
      const reply = el('button', 'link-button', T.reply);
      reply.type = 'button';
      reply.addEventListener('click', () => setReply(m));
      actions.append(reply);
    }
    if (state.mayModerate) {
      const hide = el('button', 'link-button', m.hidden ? T.unhide : T.hide);
      hide.type = 'button';
      hide.addEventListener('click', () => {
        if (m.hidden) act('Unhide', m.id);
        else { const reason = window.prompt(T.hideReason, ''); if (reason !== null) act('Hide', m.id, reason); }
      });
      actions.append(hide);
      if (!m.hidden) {
        const pin = el('button', 'link-button', m.pinned ? T.unpin : T.pin);
        pin.type = 'button';
        pin.addEventListener('click', () => act(m.pinned ? 'Unpin' : 'Pin', m.id));
        actions.append(pin);
      }
    }
    li.append(actions);
    return li;
  };

  /** Puts a stored message in its place by sequence; a message already there (same id) is replaced, never doubled. */
  const upsert = (m) => {
    const pending = list.querySelector(`li.pending[data-id="${m.id}"]`);
    if (pending) pending.remove();
    const li = renderMessage(m);
    const existing = state.byId.get(m.id);
    state.byId.set(m.id, m);
    const current = list.querySelector(`li[data-id="${m.id}"]:not(.pending)`);
    if (current) { current.replaceWith(li); return; }
    if (existing) return;
    let before = null;
    for (const other of list.querySelectorAll('li:not(.pending)')) {
      if (Number(other.dataset.seq) > m.sequence) { before = other; break; }
    }
    const firstPending = list.querySelector('li.pending');
    list.insertBefore(li, before || firstPending);
    if (state.oldest === null || m.sequence < state.oldest) state.oldest = m.sequence;
    advance();
  };

  /** Moves "last" over every sequence now present; a gap left for a moment is filled by asking the server. */
  let gapTimer = null;
  const advance = () => {
    const seqs = new Set([...state.byId.values()].map((x) => x.sequence));
    while (seqs.has(state.last + 1)) state.last++;
    const highest = Math.max(0, ...seqs);
    clearTimeout(gapTimer);
    if (state.joined && highest > state.last) gapTimer = setTimeout(() => catchUp().catch(() => {}), 1000);
    scheduleRead();
  };

  const renderPending = (item, error) => {
    let li = list.querySelector(`li.pending[data-id="${item.id}"]`);
    if (!li) { li = el('li', 'plc-message mine pending'); li.dataset.id = item.id; list.append(li); }
    li.replaceChildren();
    li.append(el('p', 'plc-meta', error ? `${T.failed} ${error}` : T.sending));
    li.append(el('p', 'plc-body', item.body));
    if (error) {
      const discard = el('button', 'link-button', T.discard);
      discard.type = 'button';
      discard.addEventListener('click', () => { outbox = outbox.filter((x) => x.id !== item.id); saveOutbox(outbox); li.remove(); });
      li.append(discard);
    }
  };

  const renderPinned = (pinned) => {
    const box = $('[data-plc-pinned-box]');
    const ul = $('[data-plc-pinned]');
    ul.replaceChildren();
    for (const m of pinned) {
      const li = el('li');
      const a = el('a', null, `${m.authorName}: ${(m.body || '').slice(0, 140)}`);
      a.href = `?at=${m.sequence}`;
      li.append(a);
      ul.append(li);
    }
    box.hidden = pinned.length === 0;
  };

  const renderOnline = () => {
    const names = state.online.filter((id) => id !== me).map(nameOf).filter(Boolean);
    $('[data-plc-online]').textContent = names.length ? `${T.online} ${names.join(', ')}` : T.nobodyOnline;
    renderMembers();
  };

  const renderMembers = () => {
    const ul = $('[data-plc-members]');
    if (!ul) return;
    ul.replaceChildren();
    for (const [id, m] of state.members) {
      const li = el('li', null, `${m.name}${id === me ? ' ' + T.you : ''}${state.online.includes(id) ? ' ●' : ''}`);
      if (id !== me && state.mayModerate) {
        const muted = m.mutedUntilUtc && new Date(m.mutedUntilUtc) > new Date();
        const b = el('button', 'link-button', muted ? T.unmute : T.mute);
        b.type = 'button';
        b.addEventListener('click', () => (muted ? act('Unmute', null, null, id) : act('Mute', null, null, id)));
        li.append(' ', b);
      }
      ul.append(li);
    }
    const select = $('[data-plc-mention]');
    const first = select.options[0];
    select.replaceChildren(first);
    for (const [id, m] of state.members) if (id !== me) { const o = el('option', null, m.name); o.value = id; select.append(o); }
  };

  const renderRoomState = () => {
    $('[data-plc-closed]').hidden = state.isOpen;
    const muted = state.mutedUntil && new Date(state.mutedUntil) > new Date();
    const mutedEl = $('[data-plc-muted]');
    mutedEl.hidden = !muted;
    if (muted) mutedEl.textContent = fmt(T.muted, when(state.mutedUntil));
    const canPost = state.isOpen && !muted && !state.removed;
    for (const c of root.querySelectorAll('[data-plc-composer] textarea, [data-plc-composer] button, [data-plc-composer] input, [data-plc-composer] select')) c.disabled = !canPost;
    const close = $('[data-plc-close]'); const reopen = $('[data-plc-reopen]');
    if (close) { close.hidden = !state.isOpen; reopen.hidden = state.isOpen; }
  };

  // data-live mirrors the connection for tests and styles: connecting, connected, reconnecting, removed.
  const setStatus = (text, live) => { statusEl.textContent = text; root.dataset.live = live; };

  // ---------- connection ----------
  const connection = new window.signalR.HubConnectionBuilder()
    .withUrl(root.dataset.hub)
    // Never give up: 0 s, 2 s, 4 s … then every 30 s while the network or the server is away.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(30000, ctx.previousRetryCount === 0 ? 0 : 1000 * 2 ** ctx.previousRetryCount) })
    .configureLogging(window.signalR.LogLevel.None)
    .build();

  connection.on('MessageReceived', (m) => {
    if (m.groupId !== groupId) { state.otherUnread++; showOtherUnread(); return; }
    upsert(m);
  });
  connection.on('MessageChanged', (m) => {
    if (m.groupId !== groupId) return;
    if (state.byId.has(m.id)) upsert(m);
    if (m.pinned && !m.hidden) state.pinned.set(m.id, m); else state.pinned.delete(m.id);
    refreshPinned();
  });
  connection.on('RoomStateChanged', (g, open) => { if (g === groupId) { state.isOpen = open; renderRoomState(); } });
  connection.on('MutedChanged', (g, until) => { if (g === groupId) { state.mutedUntil = until; renderRoomState(); } });
  connection.on('PresenceChanged', (g, online) => { if (g === groupId) { state.online = online; renderOnline(); } });
  connection.on('MembersChanged', (g) => { if (g === groupId) catchUp().catch(() => {}); });
  let typingTimer = null;
  connection.on('Typing', (g, personId, name) => {
    if (g !== groupId || personId === me) return;
    const line = $('[data-plc-typing]');
    line.textContent = fmt(T.typing, name);
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => { line.textContent = ''; }, 4000);
  });
  connection.on('RemovedFromRoom', (g) => {
    if (g !== groupId) return;
    state.removed = true;
    root.dataset.live = 'removed';
    $('[data-plc-removed]').hidden = false;
    outbox = []; saveOutbox(outbox);
    for (const p of list.querySelectorAll('li.pending')) p.remove();
    renderRoomState();
    connection.stop();
  });

  const showOtherUnread = () => {
    const n = $('[data-plc-other-unread]');
    n.hidden = state.otherUnread === 0;
    n.textContent = fmt(T.otherRooms, state.otherUnread);
  };

  /** JoinRoom from the last sequence seen, as many times as it says there is more. */
  const catchUp = async () => {
    let result;
    do {
      result = await connection.invoke('JoinRoom', groupId, state.last);
      applyJoin(result);
      for (const m of result.messages) upsert(m);
      if (result.messages.length) state.last = Math.max(state.last, result.messages[result.messages.length - 1].sequence);
    } while (result.hasMore);
  };

  const applyJoin = (r) => {
    state.mayModerate = r.mayModerate;
    state.isOpen = r.isOpen;
    state.mutedUntil = r.mutedUntilUtc;
    state.online = r.onlineIds;
    state.members = new Map(r.members.map((m) => [m.personId, { name: m.name, role: m.role, mutedUntilUtc: m.mutedUntilUtc }]));
    state.pinned = new Map(r.pinned.map((m) => [m.id, m]));
    refreshPinned();
    renderOnline();
    renderRoomState();
  };

  const refreshPinned = () => {
    renderPinned([...state.pinned.values()].sort((a, b) => b.sequence - a.sequence));
  };

  /** The first load: the newest page (or the page around ?at=), then everything after it and the room's state. */
  const firstLoad = async () => {
    const at = Number(root.dataset.at || 0);
    const page = await connection.invoke('LoadOlder', groupId, at > 0 ? at + 26 : Number.MAX_SAFE_INTEGER);
    // Start counting just before the page, then insert it like any message (one that arrived live meanwhile is not doubled).
    if (page.messages.length) state.last = Math.max(state.last, page.messages[0].sequence - 1);
    for (const m of page.messages) upsert(m);
    $('[data-plc-older]').hidden = !page.hasMore;
    await catchUp();
    if (at > 0) {
      const target = document.getElementById(`m${at}`);
      if (target) { target.classList.add('highlight'); target.scrollIntoView({ block: 'center' }); }
    } else list.lastElementChild?.scrollIntoView({ block: 'end' });
  };

  const onConnected = async () => {
    if (!state.joined) { await firstLoad(); state.joined = true; } else await catchUp();
    setStatus(T.connected, 'connected');
    await flushOutbox();
  };

  connection.onreconnecting(() => setStatus(T.reconnecting, 'reconnecting'));
  connection.onreconnected(() => onConnected().catch(() => {}));
  // A server restart can end the connection for good (reconnect refused while it was down): start again, forever.
  connection.onclose(() => { if (!state.removed) { setStatus(T.reconnecting, 'reconnecting'); setTimeout(start, 2000); } });

  let delay = 1000;
  async function start() {
    if (state.removed) return;
    try {
      await connection.start();
      delay = 1000;
      await onConnected();
    } catch {
      setStatus(T.reconnecting, 'reconnecting');
      delay = Math.min(30000, delay * 2);
      if (connection.state === window.signalR.HubConnectionState.Disconnected) setTimeout(start, delay);
    }
  }

  // ---------- sending ----------
  const sending = new Set();
  const trySend = async (item) => {
    if (connection.state !== window.signalR.HubConnectionState.Connected || sending.has(item.id)) return;
    sending.add(item.id);
    try {
      const res = await connection.invoke('SendMessage', {
        id: item.id, groupId, body: item.body, replyToId: item.replyToId, mentionIds: item.mentionIds, attachmentIds: item.attachmentIds,
      });
      outbox = outbox.filter((x) => x.id !== item.id);
      saveOutbox(outbox);
      if (res.ok) {
        const li = list.querySelector(`li.pending[data-id="${item.id}"]`);
        if (li && !state.byId.has(item.id)) li.querySelector('.plc-meta').textContent = T.sent;
        // The message itself arrives as MessageReceived (or by catch-up if that was missed).
        if (!state.byId.has(item.id)) setTimeout(() => { if (!state.byId.has(item.id)) catchUp().catch(() => {}); }, 1500);
      } else {
        // Refused (room closed, muted, removed …): not resent; it stays on the page with the reason so the text can be copied.
        renderPending(item, res.error);
      }
    } catch {
      // The connection dropped before the answer: the message stays in the outbox and goes again with the same id.
    } finally {
      sending.delete(item.id);
    }
  };

  const flushOutbox = async () => {
    for (const item of loadOutbox()) {
      if (!list.querySelector(`li.pending[data-id="${item.id}"]`) && !state.byId.has(item.id)) renderPending(item);
      if (state.byId.has(item.id)) { outbox = outbox.filter((x) => x.id !== item.id); saveOutbox(outbox); continue; }
      await trySend(item);
    }
  };

  $('[data-plc-composer]').addEventListener('submit', (e) => {
    e.preventDefault();
    errorEl.textContent = '';
    const text = body.value.trim();
    if (!text && state.attachments.length === 0) return;
    const mentionIds = [...state.mentions].filter(([, name]) => text.includes(`@${name}`)).map(([id]) => id);
    const item = {
      id: crypto.randomUUID(), body: text, replyToId: state.replyTo ? state.replyTo.id : null, mentionIds,
      attachmentIds: state.attachments.map((a) => a.id),
    };
    outbox = loadOutbox().concat([item]);
    saveOutbox(outbox);
    renderPending(item);
    list.lastElementChild.scrollIntoView({ block: 'end' });
    body.value = '';
    state.mentions.clear();
    state.attachments = [];
    renderAttachments();
    setReply(null);
    trySend(item);
  });

  body.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); $('[data-plc-composer]').requestSubmit(); }
  });

  let lastTyping = 0;
  body.addEventListener('input', () => {
    const now = Date.now();
    if (now - lastTyping < 3000 || connection.state !== window.signalR.HubConnectionState.Connected) return;
    lastTyping = now;
    connection.invoke('Typing', groupId).catch(() => {});
  });

  $('[data-plc-mention]').addEventListener('change', (e) => {
    const id = e.target.value;
    if (!id) return;
    const name = nameOf(id);
    state.mentions.set(id, name);
    body.value = `${body.value}${body.value && !body.value.endsWith(' ') ? ' ' : ''}@${name} `;
    e.target.value = '';
    body.focus();
  });

  const setReply = (m) => {
    state.replyTo = m;
    const box = $('[data-plc-reply-box]');
    box.hidden = !m;
    if (m) { $('[data-plc-reply-text]').textContent = fmt(T.replyingTo, m.authorName); body.focus(); }
  };
  $('[data-plc-reply-cancel]').addEventListener('click', () => setReply(null));

  // ---------- files ----------
  const renderAttachments = () => {
    const ul = $('[data-plc-attachments]');
    ul.replaceChildren();
    for (const a of state.attachments) {
      const li = el('li', null, `📎 ${a.fileName} `);
      const remove = el('button', 'link-button', T.removeFile);
      remove.type = 'button';
      remove.addEventListener('click', () => { state.attachments = state.attachments.filter((x) => x.id !== a.id); renderAttachments(); });
      li.append(remove);
      ul.append(li);
    }
  };

  $('[data-plc-file]').addEventListener('change', async (e) => {
    const token = root.querySelector('[data-plc-token] input[name="__RequestVerificationToken"]').value;
    for (const file of e.target.files) {
      errorEl.textContent = fmt(T.uploading, file.name);
      const form = new FormData();
      form.append('file', file);
      form.append('__RequestVerificationToken', token);
      try {
        const response = await fetch(root.dataset.uploadUrl, { method: 'POST', body: form, credentials: 'same-origin' });
        const json = await response.json();
        if (!response.ok) { errorEl.textContent = json.error || ''; continue; }
        state.attachments.push(json);
        errorEl.textContent = '';
      } catch {
        errorEl.textContent = T.reconnecting;
      }
    }
    e.target.value = '';
    renderAttachments();
  });

  // ---------- reading, history, search, moderation ----------
  let readTimer = null;
  const scheduleRead = () => {
    clearTimeout(readTimer);
    readTimer = setTimeout(() => {
      if (document.visibilityState === 'visible' && state.last > 0 && connection.state === window.signalR.HubConnectionState.Connected)
        connection.invoke('MarkRead', groupId, state.last).catch(() => {});
    }, 1000);
  };
  document.addEventListener('visibilitychange', scheduleRead);

  $('[data-plc-older]').addEventListener('click', async (e) => {
    if (state.oldest === null) return;
    const page = await connection.invoke('LoadOlder', groupId, state.oldest);
    for (const m of page.messages.slice().reverse()) {
      if (state.byId.has(m.id)) continue;
      state.byId.set(m.id, m);
      list.prepend(renderMessage(m));
      state.oldest = Math.min(state.oldest, m.sequence);
    }
    e.target.hidden = !page.hasMore;
    if (!page.hasMore) list.prepend(el('li', 'muted', T.olderNone));
  });

  $('[data-plc-search]').addEventListener('submit', async (e) => {
    e.preventDefault();
    const q = e.target.q.value.trim();
    const ul = $('[data-plc-search-results]');
    ul.replaceChildren();
    if (!q) return;
    const result = await connection.invoke('Search', groupId, q);
    if (!result.hits.length) { ul.append(el('li', 'muted', T.noResults)); return; }
    for (const h of result.hits) {
      const li = el('li');
      const a = el('a', null, `${h.authorName} (${when(h.sentAtUtc)}): ${h.excerpt}`);
      a.href = `?at=${h.sequence}`;
      li.append(a);
      ul.append(li);
    }
  });

  const act = async (method, messageId, arg, personId) => {
    let res;
    if (method === 'Mute') res = await connection.invoke('Mute', groupId, personId, 60);
    else if (method === 'Unmute') res = await connection.invoke('Unmute', groupId, personId);
    else if (method === 'CloseRoom' || method === 'ReopenRoom') res = await connection.invoke(method, groupId);
    else if (arg !== undefined && arg !== null) res = await connection.invoke(method, groupId, messageId, arg);
    else res = await connection.invoke(method, groupId, messageId);
    errorEl.textContent = res && !res.ok ? res.error : '';
  };
  $('[data-plc-close]')?.addEventListener('click', () => act('CloseRoom'));
  $('[data-plc-reopen]')?.addEventListener('click', () => act('ReopenRoom'));

  // Messages left unsent by an earlier visit show as pending at once, before the connection is up.
  for (const item of outbox) renderPending(item);
  setStatus(T.connecting, 'connecting');
  start();
});
