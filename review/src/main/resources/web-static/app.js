// Small progressive enhancements; every page works without them.
document.addEventListener('DOMContentLoaded', function () {
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
