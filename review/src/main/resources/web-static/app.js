// Small progressive enhancements; every page works without them.
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
  menuButton();
  document.querySelectorAll('form.js-bulk').forEach(bulkSelection);
  document.querySelectorAll('form.js-review').forEach(reviewShortcuts);
  document.querySelectorAll('[data-live-url]').forEach(liveStatus);
  document.querySelectorAll('select.js-autosubmit').forEach(function (s) {
    s.addEventListener('change', function () { s.form.submit(); });
  });
  document.querySelectorAll('form.js-dossier').forEach(dossierForm);
  var box = document.querySelector('.lightbox');
  if (box) {
    var img = box.querySelector('img');
    document.querySelectorAll('.shot-zoom').forEach(function (b) {
      b.addEventListener('click', function () {
        var src = b.querySelector('img');
        img.src = src.src;
        img.alt = src.alt;
        box.hidden = false;
      });
    });
    box.addEventListener('click', function () { box.hidden = true; });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { box.hidden = true; } });
  }
});

// The dossier download: items follow the chosen plan; while the server builds the ZIP the button says so.
// The download response sets cookie MC_DOSSIER to this form's token; seeing it means the file is on its way.
function dossierForm(form) {
  var plan = form.querySelector('.js-dossier-plan');
  var item = form.querySelector('select[name=item]');
  var button = form.querySelector('.js-dossier-submit');
  var note = form.querySelector('.js-dossier-note');
  var idle = button.textContent;
  var timer = null;
  function followPlan() {
    item.querySelectorAll('optgroup').forEach(function (g) {
      var other = g.getAttribute('data-plan') !== plan.value;
      g.hidden = other;
      g.disabled = other;
      if (other && g.contains(item.options[item.selectedIndex])) { item.value = ''; }
    });
  }
  function done() {
    clearInterval(timer);
    timer = null;
    button.disabled = false;
    button.textContent = idle;
    form.removeAttribute('aria-busy');
    note.hidden = true;
  }
  plan.addEventListener('change', followPlan);
  followPlan();
  form.addEventListener('submit', function (e) {
    if (timer !== null) { e.preventDefault(); return; }
    var token = '';
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes.forEach(function (b) { token += ('0' + b.toString(16)).slice(-2); });
    form.elements.token.value = token;
    // Disable after the browser has taken the form's values, so the submission itself is not cancelled.
    setTimeout(function () {
      button.disabled = true;
      button.textContent = button.getAttribute('data-busy');
      form.setAttribute('aria-busy', 'true');
      note.hidden = false;
    }, 0);
    timer = setInterval(function () {
      if (document.cookie.split('; ').indexOf('MC_DOSSIER=' + token) >= 0) {
        document.cookie = 'MC_DOSSIER=; path=/; max-age=0; SameSite=Strict';
        done();
      }
    }, 500);
  });
  window.addEventListener('pageshow', function (e) { if (e.persisted) { done(); } });
}

// The channel form shows the options of the chosen kind only (without script all are shown; others are ignored).
document.addEventListener('DOMContentLoaded', function () {
  var kind = document.querySelector('form select#kind');
  if (!kind) { return; }
  function follow() {
    document.querySelectorAll('fieldset.options[data-kind]').forEach(function (f) {
      f.hidden = f.getAttribute('data-kind') !== kind.value;
    });
  }
  kind.addEventListener('change', follow);
  follow();
});

// Phone widths: the menu folds behind the "Trình đơn" button.
function menuButton() {
  var button = document.querySelector('.menu-toggle');
  if (!button) { return; }
  var bar = button.closest('.topbar');
  button.addEventListener('click', function () {
    var open = !bar.classList.contains('nav-open');
    bar.classList.toggle('nav-open', open);
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
}

// The queue: "Chọn tất cả trên trang" and the number of rows chosen.
function bulkSelection(form) {
  var all = form.querySelector('.js-select-all');
  var count = form.querySelector('.js-selected-count');
  var boxes = form.querySelectorAll('input[name=id]');
  function update() {
    var n = 0;
    boxes.forEach(function (b) { if (b.checked) { n++; } });
    if (count) { count.textContent = n === 0 ? '' : 'Đã chọn ' + n + ' mục'; }
    if (all) { all.checked = n > 0 && n === boxes.length; all.indeterminate = n > 0 && n < boxes.length; }
  }
  if (all) {
    all.addEventListener('change', function () {
      boxes.forEach(function (b) { b.checked = all.checked; });
      update();
    });
  }
  boxes.forEach(function (b) { b.addEventListener('change', update); });
  update();
}

// The evidence page: a = duyệt, r = từ chối (the reason first), n = next item; never while typing.
function reviewShortcuts(form) {
  var reason = form.querySelector('textarea[name=reason]');
  reason.addEventListener('keydown', function (e) { if (e.key === 'Escape') { reason.blur(); } });
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) { return; }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    var box = document.querySelector('.lightbox');
    if (box && !box.hidden) { return; }
    var target = form.querySelector('[data-key="' + e.key.toLowerCase() + '"]');
    if (!target) { return; }
    e.preventDefault();
    if (e.key.toLowerCase() === 'r' && reason.value.trim() === '') {
      reason.focus();
      reason.placeholder = 'Ghi lý do từ chối rồi bấm Từ chối (Esc để rời ô này)';
      return;
    }
    target.click();
  });
}

// "Thu thập ngay" / "Chụp lại": poll the page's status until the work is done, then reload to show it.
function liveStatus(box) {
  var url = box.getAttribute('data-live-url');
  var text = box.querySelector('.live-text');
  var elapsed = box.querySelector('.live-elapsed');
  var started = Date.now();
  var stopAt = started + 15 * 60 * 1000;
  function tick() {
    var s = Math.round((Date.now() - started) / 1000);
    elapsed.textContent = s < 60 ? '(' + s + ' giây)' : '(' + Math.floor(s / 60) + ' phút ' + (s % 60) + ' giây)';
  }
  var clock = setInterval(tick, 1000);
  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (st) {
        text.textContent = st.text;
        box.setAttribute('data-live-state', st.state);
        if (st.state === 'done') {
          clearInterval(clock);
          box.classList.add('live-done');
          text.textContent = 'Đã xong. ' + st.text + ' Đang tải lại trang…';
          window.location.reload();
        } else if (Date.now() < stopAt) {
          setTimeout(poll, 1500);
        } else {
          clearInterval(clock);
          text.textContent = 'Chưa thấy kết quả sau 15 phút; xem lịch sử chạy hoặc thử lại.';
        }
      })
      .catch(function () {
        if (Date.now() < stopAt) { setTimeout(poll, 5000); }
      });
  }
  tick();
  setTimeout(poll, 1500);
}
