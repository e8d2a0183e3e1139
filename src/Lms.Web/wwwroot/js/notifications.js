// The bell, live: a SignalR connection to /hubs/notifications (the client library is served from /lib/signalr, built
// from npm) keeps the unread count current and announces new notifications, without reloading the page.
// Everything the page needs is already in the HTML; without this file the bell shows the count of the last load.
// Texts come from the page (localised there) and are inserted with textContent only: a notification's title is data.
document.addEventListener('DOMContentLoaded', () => {
  const bell = document.querySelector('[data-notification-bell]');
  if (!bell || !window.signalR) return;
  const badge = bell.querySelector('[data-unread-count]');
  const toasts = document.querySelector('[data-notification-toasts]');
  const list = document.querySelector('[data-notification-list]');

  const setCount = (n) => {
    const count = Math.max(0, Number(n) || 0);
    badge.textContent = count > 99 ? '99+' : String(count);
    badge.hidden = count === 0;
    bell.setAttribute('aria-label', (bell.dataset.labelTemplate || '{0}').replace('{0}', String(count)));
    bell.dataset.unread = String(count);
  };

  const link = (n) => {
    // Only the server's own "open" address for this notification, never a link taken from elsewhere.
    const a = document.createElement('a');
    a.href = /^\/Notifications\/Open\/[0-9a-fA-F-]{36}$/.test(n.url) ? n.url : '/Notifications';
    return a;
  };

  const toast = (n) => {
    if (!toasts) return;
    const box = document.createElement('div');
    box.className = 'toast';
    const heading = document.createElement('p');
    heading.className = 'toast-heading';
    heading.textContent = bell.dataset.toastTitle || '';
    const a = link(n);
    a.textContent = n.title;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'toast-close';
    close.setAttribute('aria-label', bell.dataset.toastClose || 'Close');
    close.textContent = '\u00d7';
    close.addEventListener('click', () => box.remove());
    box.append(heading, a, close);
    toasts.prepend(box);
    while (toasts.children.length > 3) toasts.lastElementChild.remove();
    setTimeout(() => box.remove(), 15000);
  };

  const prepend = (n) => {
    // On the notification centre's first page, the new one appears at the top of the list.
    if (!list || new URLSearchParams(window.location.search).has('p')) return;
    const li = document.createElement('li');
    li.className = 'notification unread';
    li.dataset.notificationId = n.id;
    const a = link(n);
    const badgeNew = document.createElement('span');
    badgeNew.className = 'badge';
    badgeNew.textContent = list.dataset.newLabel || '';
    const title = document.createElement('strong');
    title.className = 'notification-title';
    title.textContent = n.title;
    a.append(badgeNew, ' ', title);
    li.append(a);
    if (n.body) {
      const body = document.createElement('p');
      body.className = 'notification-body';
      body.textContent = n.body;
      li.append(body);
    }
    list.prepend(li);
    const empty = document.querySelector('[data-notification-empty]');
    if (empty) empty.remove();
  };

  const connection = new window.signalR.HubConnectionBuilder()
    .withUrl(bell.dataset.hub || '/hubs/notifications')
    // Never give up: 0 s, 2 s, 4 s … then every 30 s while the network or the server is away.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(30000, ctx.previousRetryCount === 0 ? 0 : 1000 * 2 ** ctx.previousRetryCount) })
    .configureLogging(window.signalR.LogLevel.None)
    .build();
  connection.on('Notify', (n) => { toast(n); prepend(n); });
  connection.on('UnreadCount', setCount); // also sent on every (re)connection: the count missed while away
  bell.dataset.live = 'connecting';
  connection.onreconnecting(() => { bell.dataset.live = 'reconnecting'; });
  connection.onreconnected(() => { bell.dataset.live = 'connected'; });

  // The first start is not covered by automatic reconnection: retry it the same way.
  let attempt = 0;
  const start = async () => {
    try {
      await connection.start();
      bell.dataset.live = 'connected';
      attempt = 0;
    } catch (e) {
      attempt += 1;
      setTimeout(start, Math.min(30000, 1000 * 2 ** attempt));
    }
  };
  // A closed connection (the server was away longer than the retries, or refused after sign-out) starts again later.
  connection.onclose(() => { bell.dataset.live = 'closed'; setTimeout(start, 30000); });
  start();
});
