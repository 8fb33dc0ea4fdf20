/* Counts one read of this news item per browser session (ombuds/portal/reads.py): the page itself is
   shared by caches, so a separate beacon says "read". No cookie, no identifier: a sessionStorage
   flag keeps a reload or a return in the same session from sending it again. A page rendered in
   advance (prerender) waits until someone actually shows it. */
(function () {
  "use strict";
  var marker = document.querySelector("[data-read-beacon]");
  if (!marker || !navigator.sendBeacon) { return; }
  var url = marker.getAttribute("data-read-beacon");
  var flag = "ombuds.read:" + url;

  function send() {
    try {
      if (window.sessionStorage.getItem(flag)) { return; }
      if (navigator.sendBeacon(url)) { window.sessionStorage.setItem(flag, "1"); }
    } catch (e) {
      /* storage refused (private mode): the server's daily de-duplication still holds */
      navigator.sendBeacon(url);
    }
  }

  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, { once: true });
  } else {
    send();
  }
})();
