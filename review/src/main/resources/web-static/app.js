// Small progressive enhancements; every page works without them.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('select.js-autosubmit').forEach(function (s) {
    s.addEventListener('change', function () { s.form.submit(); });
  });
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
