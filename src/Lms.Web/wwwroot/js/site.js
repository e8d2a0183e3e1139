// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // Phone navigation: the menu button shows and hides the main navigation.
  const toggle = document.querySelector('.nav-toggle');
  const nav = document.getElementById('main-nav');
  if (toggle && nav) {
    document.body.classList.add('js');
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', String(!open));
      nav.classList.toggle('open', !open);
    });
  }
  // Buttons that change something irreversible ask first (text comes from the page, localised).
  document.querySelectorAll('[data-confirm]').forEach((el) => {
    el.addEventListener('click', (e) => {
      if (!window.confirm(el.getAttribute('data-confirm'))) e.preventDefault();
    });
  });
  // "Copy" buttons (the calendar link): copy the named field's text; without the clipboard API, select it for Ctrl+C.
  document.querySelectorAll('[data-copy]').forEach((button) => {
    button.addEventListener('click', async () => {
      const field = document.querySelector(button.getAttribute('data-copy'));
      if (!field) return;
      field.select();
      try { await navigator.clipboard.writeText(field.value); button.classList.add('copied'); } catch { /* selected instead */ }
    });
  });
  // Course content: the Markdown renderer writes inert placeholders for YouTube/Vimeo lines; here they become
  // players. Only the provider and a checked id are read from the page: the player address is built here, on the
  // privacy-enhanced hosts that the CSP's frame-src allows and nothing else.
  const players = {
    youtube: { name: 'YouTube', id: /^[A-Za-z0-9_-]{11}$/,
      src: (id) => 'https://www.youtube-nocookie.com/embed/' + id },
    vimeo: { name: 'Vimeo', id: /^[0-9]{1,12}$/,
      src: (id, hash) => 'https://player.vimeo.com/video/' + id + '?dnt=1' + (hash ? '&h=' + hash : '') },
  };
  const thai = document.documentElement.lang === 'th';
  document.querySelectorAll('.video-embed[data-provider][data-video-id]').forEach((box) => {
    const player = Object.prototype.hasOwnProperty.call(players, box.dataset.provider) ? players[box.dataset.provider] : null;
    const id = box.dataset.videoId;
    const hash = box.dataset.videoHash || '';
    if (!player || !player.id.test(id) || (hash && !/^[0-9a-f]{6,32}$/.test(hash))) return;
    const frame = document.createElement('iframe');
    frame.src = player.src(id, hash);
    frame.title = (thai ? '\u0e27\u0e34\u0e14\u0e35\u0e42\u0e2d\u0e08\u0e32\u0e01 ' : 'Video from ') + player.name; // 'วิดีโอจาก', escaped: the file may be read as Latin-1
    frame.loading = 'lazy';
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-presentation');
    frame.setAttribute('allow', 'fullscreen; picture-in-picture; encrypted-media');
    frame.setAttribute('allowfullscreen', '');
    box.replaceChildren(frame);
    box.classList.add('has-player');
  });
  // Prevent double submission of forms (a double click must not post twice).
  document.querySelectorAll('form[method="post"]').forEach((form) => {
    form.addEventListener('submit', () => {
      setTimeout(() => form.querySelectorAll('button[type="submit"]').forEach((b) => { b.disabled = true; }), 0);
    });
  });
});

// Live Markdown preview for course authors: the server renders and sanitises, exactly as learners get it.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('textarea[data-preview]').forEach((area) => {
    const target = document.querySelector(area.getAttribute('data-preview'));
    const url = area.getAttribute('data-preview-url');
    const token = area.form && area.form.querySelector('input[name="__RequestVerificationToken"]');
    if (!target || !url || !token) return;
    let timer;
    area.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const body = new FormData();
        body.append('body', area.value);
        body.append('__RequestVerificationToken', token.value);
        const response = await fetch(url, { method: 'POST', body, credentials: 'same-origin' });
        if (response.ok) target.innerHTML = await response.text();
      }, 400);
    });
  });
});

// Drag and drop of course activities (the ↑/↓ buttons remain the keyboard way). A drop posts the new
// place with the page's antiforgery token and reloads, so the server's order is what the page shows.
document.addEventListener('DOMContentLoaded', () => {
  const lists = document.querySelectorAll('ol.activity-list[data-move-url]');
  if (lists.length === 0) return;
  const token = document.querySelector('input[name="__RequestVerificationToken"]');
  let dragged = null;
  document.querySelectorAll('ol.activity-list li[draggable="true"]').forEach((li) => {
    li.addEventListener('dragstart', (e) => { dragged = li; e.dataTransfer.effectAllowed = 'move'; li.classList.add('dragging'); });
    li.addEventListener('dragend', () => { li.classList.remove('dragging'); });
  });
  lists.forEach((list) => {
    list.addEventListener('dragover', (e) => { if (dragged) e.preventDefault(); });
    list.addEventListener('drop', async (e) => {
      e.preventDefault();
      if (!dragged || !token) return;
      const items = Array.from(list.querySelectorAll('li[data-activity-id]')).filter((x) => x !== dragged);
      const after = items.findIndex((x) => e.clientY < x.getBoundingClientRect().top + x.offsetHeight / 2);
      const body = new FormData();
      body.append('activityId', dragged.getAttribute('data-activity-id'));
      body.append('sectionId', list.getAttribute('data-section-id'));
      body.append('index', String(after === -1 ? items.length : after));
      body.append('__RequestVerificationToken', token.value);
      await fetch(list.getAttribute('data-move-url'), { method: 'POST', body, credentials: 'same-origin' });
      window.location.reload();
    });
  });
});

// Paste or drop an image (or MP4) into a Markdown editor: it is uploaded to the course and its Markdown inserted.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('textarea[data-media-url]').forEach((area) => {
    const url = area.getAttribute('data-media-url');
    const token = area.form && area.form.querySelector('input[name="__RequestVerificationToken"]');
    if (!url || !token) return;
    const upload = async (file) => {
      const body = new FormData();
      body.append('file', file, file.name || 'image.png');
      body.append('__RequestVerificationToken', token.value);
      const response = await fetch(url, { method: 'POST', body, credentials: 'same-origin' });
      const result = await response.json().catch(() => ({}));
      if (!response.ok) { window.alert(result.error || response.statusText); return; }
      const at = area.selectionStart;
      area.value = `${area.value.slice(0, at)}\n${result.markdown}\n${area.value.slice(area.selectionEnd)}`;
      area.dispatchEvent(new Event('input'));
    };
    const take = (files, e) => {
      const media = Array.from(files || []).filter((f) => /^(image|video)\//.test(f.type));
      if (media.length === 0) return;
      e.preventDefault();
      media.forEach(upload);
    };
    area.addEventListener('paste', (e) => take(e.clipboardData && e.clipboardData.files, e));
    area.addEventListener('dragover', (e) => { if (e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files')) e.preventDefault(); });
    area.addEventListener('drop', (e) => take(e.dataTransfer && e.dataTransfer.files, e));
  });
});

// Quiz attempts: every change is saved at once (one question per request), so a closed tab or a dropped connection
// loses nothing. Each save carries a sequence from the clock, and the server keeps only the newest, so saves that
// overtake each other (or come from a second tab) cannot put an older answer back. Without JavaScript the page's
// buttons still save the whole page.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('form[data-attempt]');
  if (!form) return;
  const url = form.getAttribute('data-save-url');
  const token = form.querySelector('input[name="__RequestVerificationToken"]');
  let counter = 0;
  const sequence = () => Date.now() * 1000 + (counter++ % 1000);
  const pending = new Map();
  const inflight = new Set();

  const save = async (section) => {
    const slot = section.getAttribute('data-slot');
    const body = new FormData();
    body.append('slot', slot);
    body.append('seq', String(sequence()));
    body.append('__RequestVerificationToken', token.value);
    section.querySelectorAll('input[name], select[name], textarea[name]').forEach((el) => {
      if (el.disabled || !el.name.startsWith(`q${slot}.`)) return;
      if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) return;
      body.append(el.name, el.value);
    });
    const note = section.querySelector('[data-save-state]');
    if (note) note.textContent = form.dataset.msgSaving;
    const request = fetch(url, { method: 'POST', body, credentials: 'same-origin' }).then(async (response) => {
      const result = await response.json().catch(() => ({}));
      if (note) {
        if (response.ok) note.textContent = form.dataset.msgSaved;
        else if (response.status === 409) { note.textContent = form.dataset.msgClosed; window.location.reload(); }
        else note.textContent = form.dataset.msgRetry;
      }
      const nav = document.querySelector(`[data-nav-slot="${slot}"]`);
      if (nav && response.ok) nav.classList.add('answered');
      if (!response.ok && response.status !== 409 && response.status !== 404) schedule(section, 3000);
      return result;
    }).catch(() => { if (note) note.textContent = form.dataset.msgOffline; schedule(section, 3000); });
    inflight.add(request);
    request.finally(() => inflight.delete(request));
  };
  const schedule = (section, delay) => {
    clearTimeout(pending.get(section));
    pending.set(section, setTimeout(() => { pending.delete(section); save(section); }, delay));
  };

  form.querySelectorAll('section.question[data-slot]').forEach((section) => {
    section.addEventListener('change', () => schedule(section, 0));
    section.addEventListener('input', (e) => { if (e.target.matches('input[type=text], textarea')) schedule(section, 800); });
    // Ordering: ↑/↓ move an item and the hidden "order" field follows the list.
    const list = section.querySelector('[data-ordering]');
    if (list) {
      list.addEventListener('click', (e) => {
        const button = e.target.closest('button[data-move]');
        if (!button) return;
        const item = button.closest('li');
        if (button.getAttribute('data-move') === '-1' && item.previousElementSibling) item.parentNode.insertBefore(item, item.previousElementSibling);
        if (button.getAttribute('data-move') === '1' && item.nextElementSibling) item.parentNode.insertBefore(item.nextElementSibling, item);
        button.focus();
        const hidden = section.querySelector('input[type=hidden][name$=".order"]');
        hidden.value = Array.from(list.children).map((li) => li.getAttribute('data-item')).join(',');
        schedule(section, 0);
      });
    }
  });

  // Leaving the page (next page, finish) first sends what is still waiting, so nothing typed in the last second is lost.
  form.addEventListener('submit', () => {
    pending.forEach((timer, section) => { clearTimeout(timer); save(section); });
    pending.clear();
  });
  window.addEventListener('pagehide', () => {
    pending.forEach((timer, section) => { clearTimeout(timer); save(section); });
  });
});

// A countdown for timed attempts. The server enforces the limit; this only shows it, and moves on when it is reached.
document.addEventListener('DOMContentLoaded', () => {
  const timer = document.querySelector('[data-seconds-left]');
  if (!timer) return;
  const end = Date.now() + Number(timer.getAttribute('data-seconds-left')) * 1000;
  const shown = timer.querySelector('[data-countdown]');
  const tick = () => {
    const left = Math.max(0, Math.round((end - Date.now()) / 1000));
    const h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
    shown.textContent = `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
    if (left <= 60) timer.classList.add('urgent');
    if (left === 0) {
      clearInterval(interval);
      const form = document.querySelector('form[data-attempt]');
      if (form) {
        const go = document.createElement('input');
        go.type = 'hidden'; go.name = 'go'; go.value = 'summary';
        form.appendChild(go);
        form.requestSubmit ? form.requestSubmit() : form.submit();
      } else {
        window.location.reload();
      }
    }
  };
  const interval = setInterval(tick, 1000);
  tick();
});

// A certificate batch's progress bar: asks the server every second until the batch is finished.
document.addEventListener('DOMContentLoaded', () => {
  const box = document.querySelector('.batch-progress[data-status-url]');
  if (!box) return;
  const bar = box.querySelector('progress');
  const poll = () => fetch(box.dataset.statusUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => r.ok ? r.json() : Promise.reject(r.status))
    .then(s => {
      bar.value = s.percent;
      bar.textContent = `${s.percent}%`;
      box.querySelector('.done').textContent = s.done;
      box.querySelector('.total').textContent = s.total;
      box.querySelector('.percent').textContent = s.percent;
      if (s.finished) {
        const done = box.querySelector('.finished');
        done.textContent = box.dataset.msgDone.replace('{0}', s.done);
        done.hidden = false;
      } else setTimeout(poll, 1000);
    })
    .catch(() => setTimeout(poll, 3000));
  if (!box.querySelector('.finished').hidden) return;
  setTimeout(poll, 500);
});
