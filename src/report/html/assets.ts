// The pages' one stylesheet and one script, with their CSP hashes. The server serves them as files;
// the self-contained report inlines them and allows exactly these hashes. No other script runs.
import { createHash } from 'node:crypto';

/** Lineage colours, by lineage index (cycled); the CSS classes `lin-N` use the same order. */
export const LINEAGE_COLORS = ['#2563eb', '#c2410c', '#15803d', '#7c3aed', '#be185d', '#0e7490', '#a16207', '#4b5563'];

export const APP_CSS = `
:root{--fg:#1c1f23;--muted:#5b6470;--bg:#fff;--panel:#f6f7f9;--line:#d9dde3;--accent:#1d4ed8;
--conflict:#b42318;--conflict-bg:#fef3f2;--ok:#067647;--ok-bg:#ecfdf3;--single:#b54708;--single-bg:#fffaeb;--hl:#fde68a;--hl-line:#d97706}
@media (prefers-color-scheme:dark){:root{--fg:#e6e8eb;--muted:#a3abb5;--bg:#15181c;--panel:#1e2228;--line:#343a42;--accent:#8ab4ff;
--conflict:#ff8a80;--conflict-bg:#2a1716;--ok:#6ee7a8;--ok-bg:#13241b;--single:#fbbf6b;--single-bg:#2a2113;--hl:#5b4a12;--hl-line:#f59e0b}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid var(--hl-line);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem;z-index:9}
.site{border-bottom:1px solid var(--line);background:var(--panel)}
.site .in{max-width:78rem;margin:0 auto;padding:.6rem 1rem;display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap}
.brand{font-weight:700;text-decoration:none;color:var(--fg);letter-spacing:.01em}
main{max-width:78rem;margin:0 auto;padding:1rem 1rem 4rem}
h1{font-size:1.65rem;line-height:1.25;margin:.6rem 0 .3rem}
h2{font-size:1.25rem;margin:2.2rem 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:0 0 .4rem}
.meta{color:var(--muted);margin:.2rem 0}
.facts{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:.6rem 0;list-style:none}
.facts li{background:var(--panel);border:1px solid var(--line);border-radius:999px;padding:.15rem .7rem;font-size:.92rem}
.toc{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.95rem;margin:.8rem 0}
.badge{display:inline-block;font-size:.78rem;font-weight:600;border-radius:4px;padding:0 .4rem;vertical-align:.1em;white-space:nowrap}
.b-conflicting{background:var(--conflict-bg);color:var(--conflict)}
.b-corroborated,.b-fresh{background:var(--ok-bg);color:var(--ok)}
.b-single-source,.b-stale{background:var(--single-bg);color:var(--single)}
.summary li{margin:.35rem 0}
.cite{font-size:.8rem;vertical-align:super;text-decoration:none;margin-left:.1rem}
.claims{list-style:none;padding:0;margin:0;display:grid;gap:.8rem}
.claim{border:1px solid var(--line);border-left:4px solid var(--line);border-radius:6px;padding:.7rem .9rem;background:var(--bg)}
.claim.conflicting{border-left-color:var(--conflict)}.claim.corroborated{border-left-color:var(--ok)}.claim.single-source{border-left-color:var(--single)}
.claim p{margin:.2rem 0}
.values{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.7rem;margin:.6rem 0}
.value{margin:0;background:var(--panel);border-radius:6px;padding:.55rem .7rem}
.value figcaption{font-weight:700;color:var(--conflict)}
.value .src{font-weight:400;color:var(--muted);font-size:.9rem}
blockquote{margin:.3rem 0;padding-left:.7rem;border-left:3px solid var(--line);font-style:normal}
.show{display:inline-block;margin-top:.4rem;font:inherit;font-size:.92rem;background:none;border:1px solid var(--accent);color:var(--accent);border-radius:4px;padding:.15rem .6rem;text-decoration:none;cursor:pointer}
.show[aria-pressed=true]{background:var(--accent);color:var(--bg)}
details.more{margin-top:.6rem}
figure.chart{margin:.5rem 0;overflow-x:auto}
figure.chart svg{display:block;max-width:100%;height:auto}
figure.chart figcaption{color:var(--muted);font-size:.9rem}
svg text{fill:var(--fg);font:12px system-ui,sans-serif;paint-order:stroke;stroke:var(--bg);stroke-width:3px;stroke-linejoin:round}
svg .axis{stroke:var(--line)}svg .edge{stroke:var(--muted);fill:none}svg .edge.copy{stroke-width:3}svg .edge.rewrite{stroke-dasharray:6 4;stroke-width:2}
svg .node-label{font-size:12px}
table{border-collapse:collapse;width:100%}
.table-wrap{overflow-x:auto}
th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.85rem;color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td .cite{vertical-align:baseline;font-size:.85rem}
.table-wrap td:last-child{white-space:nowrap}
.table-wrap td{padding-top:.3rem;padding-bottom:.3rem}
.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:.8rem 0}
.search label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}
.search input,.search select,.search button{font:inherit;padding:.35rem .5rem;border:1px solid var(--line);border-radius:4px;background:var(--bg);color:var(--fg)}
.search input{min-width:16rem}
.search button{background:var(--accent);color:var(--bg);border-color:var(--accent)}
.pager{display:flex;gap:1rem;margin:1rem 0}
.articles{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(19rem,1fr);gap:1rem;overflow-x:auto;padding-bottom:.5rem;scroll-snap-type:x proximity}
.article{border:1px solid var(--line);border-top:5px solid var(--line);border-radius:6px;padding:.7rem .9rem;max-height:80vh;overflow-y:auto;scroll-snap-align:start;background:var(--bg)}
.article h3{font-size:1rem}
.article .text p{margin:.5rem 0}
.mark{border-radius:3px}
.mark.corroborated{text-decoration:underline dotted var(--ok);text-underline-offset:3px}
.mark.conflicting{text-decoration:underline solid var(--conflict) 2px;text-underline-offset:3px}
.mark.ed{background:var(--single-bg)}
.mark.hl,.mark:target{background:var(--hl);box-shadow:0 0 0 2px var(--hl-line)}
${LINEAGE_COLORS.map((c, i) => `.lin-${i}{border-top-color:${c}}.dot.lin-${i}{background:${c}}`).join('')}
.dot{display:inline-block;width:.7rem;height:.7rem;border-radius:50%;margin-right:.35rem;vertical-align:-.05em}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.doc-text p{max-width:46rem}
.empty{color:var(--muted);font-style:italic}
footer.site-foot{max-width:78rem;margin:0 auto;padding:1rem;color:var(--muted);font-size:.85rem}
@media (max-width:40rem){body{font-size:15px}h1{font-size:1.35rem}
.stories thead{display:none}.stories tr{display:block;border-bottom:1px solid var(--line);padding:.4rem 0}
.stories td{display:inline-block;border:0;padding:.1rem .5rem .1rem 0}.stories td.title{display:block;font-weight:600}
.stories td.num::before,.stories td.when::before{content:attr(data-label) " ";color:var(--muted);font-weight:400}.stories td.title .meta{font-weight:400}
.articles{grid-auto-columns:88%}.search input{min-width:0;flex:1}}
@media print{.show,.toc,.search,.site{display:none}.articles{display:block}.article{max-height:none}}
`.trim();

/** Client behaviour: click a claim, see its sentences highlighted in every article that makes it. */
export const APP_JS = `
(function(){
  'use strict';
  function scopeOf(el){return el.closest('[data-story]')||document;}
  function clear(scope){
    scope.querySelectorAll('.mark.hl').forEach(function(m){m.classList.remove('hl');});
    scope.querySelectorAll('[data-show-claim][aria-pressed=true]').forEach(function(b){b.setAttribute('aria-pressed','false');});
  }
  document.addEventListener('click',function(ev){
    var t=ev.target; if(!(t instanceof Element)) return;
    var btn=t.closest('[data-show-claim]'); if(!btn) return;
    ev.preventDefault();
    var scope=scopeOf(btn), id=btn.getAttribute('data-show-claim')||'';
    var wasOn=btn.getAttribute('aria-pressed')==='true';
    clear(scope);
    var status=scope.querySelector('[data-status]');
    if(wasOn){ if(status) status.textContent=''; return; }
    var marks=[].slice.call(scope.querySelectorAll('.mark')).filter(function(m){
      return (' '+(m.getAttribute('data-claims')||'')+' ').indexOf(' '+id+' ')>=0;});
    marks.forEach(function(m){
      m.classList.add('hl');
      var col=m.closest('.article');
      if(col){col.scrollTop=m.offsetTop-col.offsetTop-col.clientHeight/3;}
    });
    btn.setAttribute('aria-pressed','true');
    if(status) status.textContent='Highlighted in '+marks.length+' sentence'+(marks.length===1?'':'s')+'.';
    var first=marks[0];
    if(first){var col0=first.closest('.article'); (col0||first).scrollIntoView({block:'nearest',inline:'nearest'});}
  });
  document.addEventListener('keydown',function(ev){
    var t=ev.target;
    if(ev.key===' '&&t instanceof Element&&t.matches('a[role=button][data-show-claim]')){ev.preventDefault();t.click();}
  });
  document.addEventListener('change',function(ev){
    var t=ev.target; if(t instanceof HTMLSelectElement && t.hasAttribute('data-autosubmit') && t.form) t.form.submit();
  });
})();
`.trim();

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export const APP_CSS_HASH = sha256(APP_CSS);
export const APP_JS_HASH = sha256(APP_JS);

/** CSP for pages served with the assets as files. */
export const SERVER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** CSP for the self-contained report: only the inlined script and stylesheet, nothing fetched. */
export const FILE_CSP = ["default-src 'none'", `script-src ${APP_JS_HASH}`, `style-src ${APP_CSS_HASH}`, 'img-src data:', "form-action 'none'", "base-uri 'none'"].join('; ');
