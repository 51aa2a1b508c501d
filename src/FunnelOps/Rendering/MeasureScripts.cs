namespace FunnelOps.Rendering;

/// <summary>The scripts that run inside the rendered page. Everything they return is bounded.</summary>
internal static class MeasureScripts
{
    /// <summary>
    /// Runs before the page's own scripts, in the top frame only: records long tasks, layout
    /// shifts, the largest contentful paint and the first contentful paint as they happen,
    /// because not every entry type can be read back afterwards.
    /// </summary>
    public const string Observe = """
        (() => {
          if (window !== window.top) return;
          const store = { longTasks: [], shifts: [], lcp: null, fcp: 0 };
          Object.defineProperty(window, '__funnelopsObserved', { value: store, enumerable: false });
          const watch = (type, take) => {
            try {
              new PerformanceObserver(list => list.getEntries().forEach(take)).observe({ type, buffered: true });
            } catch (e) { /* an entry type this browser does not know */ }
          };
          watch('longtask', e => { if (store.longTasks.length < 2000) store.longTasks.push([e.startTime, e.duration]); });
          watch('layout-shift', e => {
            if (e.hadRecentInput || store.shifts.length >= 2000) return;
            store.shifts.push({ time: e.startTime, value: e.value, nodes: (e.sources || []).map(s => s.node).filter(Boolean) });
          });
          watch('largest-contentful-paint', e => { store.lcp = e; });
          watch('paint', e => { if (e.name === 'first-contentful-paint') store.fcp = e.startTime; });
        })();
        """;

    /// <summary>
    /// Measures the loaded page and returns JSON text (so numbers arrive as numbers whatever
    /// Playwright's own encoding does): <c>metrics</c>, <c>evidence</c> and <c>facts</c>.
    /// Scans are capped (elements, text nodes, targets, images) so that a page with hundreds of
    /// thousands of elements is measured on its first part rather than not at all.
    /// </summary>
    public const string Measure = """
        async () => {
          const store = window.__funnelopsObserved || { longTasks: [], shifts: [], lcp: null, fcp: 0 };
          const describe = el => {
            if (!el || !el.tagName) return 'text';
            let text = el.tagName.toLowerCase();
            if (el.id) text += '#' + el.id;
            if (el.classList && el.classList.length) text += '.' + [...el.classList].slice(0, 3).join('.');
            const label = (el.getAttribute('href') || el.getAttribute('src') || el.textContent || '').trim();
            if (label) text += ' "' + label.replace(/\s+/g, ' ').slice(0, 60) + '"';
            return text.slice(0, 120);
          };
          const doc = document.documentElement;
          const body = document.body || doc;
          const width = doc.clientWidth;
          const elementCount = document.getElementsByTagName('*').length;
          const elements = [...body.getElementsByTagName('*')].slice(0, 20000);
          const visible = el => typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true });

          // Sideways scrolling: the widest elements that reach past the screen, outermost only.
          const overflowing = elements
            .map(el => ({ el, right: el.getBoundingClientRect().right }))
            .filter(x => x.right > width + 1)
            .sort((a, b) => b.right - a.right)
            .filter((x, i, all) => !all.slice(0, i).some(y => y.el.contains(x.el)))
            .slice(0, 5)
            .map(x => describe(x.el) + ' (' + Math.round(x.right) + 'px wide)');

          // A target is small when it is under 24x24 CSS pixels (WCAG 2.2 target size minimum)
          // and not a link inside a sentence, or when it overlaps another target.
          const targets = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [role=button]')]
            .slice(0, 3000)
            .map(el => ({ el, r: el.getBoundingClientRect(), boxes: [...el.getClientRects()] }))
            .filter(t => t.r.width > 0 && t.r.height > 0 && getComputedStyle(t.el).visibility !== 'hidden')
            .slice(0, 1500);
          const inSentence = el => {
            if (getComputedStyle(el).display !== 'inline' || !el.parentElement) return false;
            const copy = el.parentElement.cloneNode(true);
            copy.querySelectorAll('a, button').forEach(a => a.remove());
            return copy.textContent.replace(/\s+/g, ' ').trim().length > 10;
          };
          const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          const small = [];
          for (const t of targets) {
            const tiny = (t.r.width < 24 || t.r.height < 24) && !inSentence(t.el);
            // A link that wraps onto two lines has a bounding box spanning both lines: compare its line boxes.
            const other = targets.find(o => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) && overlaps(t.r, o.r) &&
              t.boxes.some(a => o.boxes.some(b => overlaps(a, b))));
            if (!tiny && !other) continue;
            small.push(describe(t.el) + ' (' + Math.round(t.r.width) + 'x' + Math.round(t.r.height) +
              (other ? ', overlaps ' + describe(other.el).slice(0, 60) : '') + ')');
          }

          // Text under 12 CSS pixels as the visitor sees it: the font size times the page's zoom,
          // which is below 1 when a page without a viewport meta is shrunk to fit the screen.
          const scale = window.visualViewport ? window.visualViewport.scale : 1;
          let allText = 0, smallText = 0;
          const smallTextSamples = [];
          const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(), seen = 0; node && seen < 20000; node = walker.nextNode(), seen++) {
            const length = node.textContent.trim().length;
            const parent = node.parentElement;
            if (!length || !parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName) || !visible(parent)) continue;
            allText += length;
            const size = parseFloat(getComputedStyle(parent).fontSize) * scale;
            if (size < 12) {
              smallText += length;
              if (smallTextSamples.length < 5) smallTextSamples.push(describe(parent) + ' (' + size.toFixed(1) + 'px)');
            }
          }

          // "load" does not wait for lazy images, even those on the first screen: wait for them
          // (at most 3 s), then for the paint after them, which is when LCP entries arrive.
          const onScreen = [...document.images].slice(0, 500).filter(img => {
            const r = img.getBoundingClientRect();
            return r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
          });
          await Promise.race([
            Promise.all(onScreen.map(img => img.complete ? null : new Promise(done => {
              img.addEventListener('load', done, { once: true });
              img.addEventListener('error', done, { once: true });
            }))),
            new Promise(done => setTimeout(done, 3000)),
          ]);
          await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50))));
          const lcp = store.lcp;
          const lcpElement = lcp && lcp.element;
          const lcpImage = !!(lcp && lcp.url);
          const lcpLazy = !!(lcpElement && lcpElement.tagName === 'IMG' && lcpElement.getAttribute('loading') === 'lazy');
          const lcpHigh = !!(lcpElement && lcpElement.getAttribute('fetchpriority') === 'high');

          // Cumulative layout shift: the worst session window (shifts under 1 s apart, 5 s at most).
          let cls = 0, session = 0, first = 0, last = -1e9;
          const shifted = new Map();
          for (const s of store.shifts) {
            if (s.time - last > 1000 || s.time - first > 5000) { session = 0; first = s.time; }
            session += s.value; last = s.time; cls = Math.max(cls, session);
            s.nodes.forEach(n => shifted.set(n, (shifted.get(n) || 0) + s.value));
          }
          const shiftedElements = [...shifted.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5)
            .map(([n, v]) => describe(n.nodeType === 1 ? n : n.parentElement) + ' (shift ' + v.toFixed(3) + ')');

          // Total blocking time: what each long task after the first contentful paint holds the
          // main thread beyond 50 ms.
          let tbt = 0;
          const longTasks = store.longTasks.filter(([start, duration]) => start + duration > store.fcp);
          longTasks.forEach(([start, duration]) => {
            const counted = start >= store.fcp ? duration : start + duration - store.fcp;
            tbt += Math.max(0, counted - 50);
          });

          // Bytes transferred, by type, from resource timing (this page's own requests only).
          const bytes = { document: 0, script: 0, stylesheet: 0, image: 0, font: 0, other: 0 };
          const navigation = performance.getEntriesByType('navigation')[0];
          bytes.document = navigation ? navigation.transferSize : 0;
          for (const r of performance.getEntriesByType('resource')) {
            const path = r.name.split(/[?#]/)[0].toLowerCase();
            const type = /\.m?js$/.test(path) || r.initiatorType === 'script' ? 'script'
              : /\.css$/.test(path) ? 'stylesheet'
              : /\.(png|jpe?g|gif|webp|avif|svg|ico)$/.test(path) || r.initiatorType === 'img' ? 'image'
              : /\.(woff2?|ttf|otf|eot)$/.test(path) ? 'font' : 'other';
            bytes[type] += r.transferSize || 0;
          }

          // The largest images: shown size against the size of the file.
          const ratio = window.devicePixelRatio || 1;
          const images = [...document.images].slice(0, 500)
            .map(img => ({ img, r: img.getBoundingClientRect() }))
            .filter(x => x.r.width > 0 && x.img.naturalWidth > 0);
          const oversized = images.filter(x => x.img.naturalWidth > 2 * x.r.width * ratio);
          const largest = images
            .sort((a, b) => b.img.naturalWidth * b.img.naturalHeight - a.img.naturalWidth * a.img.naturalHeight)
            .slice(0, 5)
            .map(x => describe(x.img) + ' (file ' + x.img.naturalWidth + 'x' + x.img.naturalHeight + ', shown ' +
              Math.round(x.r.width) + 'x' + Math.round(x.r.height) + ')');

          return JSON.stringify({
            metrics: {
              // One pixel of difference comes from sub-pixel rounding and cannot be seen.
              'horizontal-overflow-px': doc.scrollWidth - width > 1 ? doc.scrollWidth - width : 0,
              'small-tap-targets': small.length,
              'layout-width-px': width,
              'initial-scale': Math.round(scale * 1000) / 1000,
              'small-text-share': allText ? Math.round(smallText / allText * 1000) / 1000 : 0,
              'lcp-ms': lcp ? Math.round(lcp.renderTime || lcp.loadTime || lcp.startTime) : 0,
              'lcp-is-image': lcpImage ? 1 : 0,
              'lcp-image-lazy': lcpLazy ? 1 : 0,
              'lcp-fetchpriority-high': lcpHigh ? 1 : 0,
              'cls': Math.round(cls * 10000) / 10000,
              'long-tasks': longTasks.length,
              'total-blocking-time-ms': Math.round(tbt),
              'bytes-total': Object.values(bytes).reduce((a, b) => a + b, 0),
              'bytes-document': bytes.document,
              'bytes-script': bytes.script,
              'bytes-stylesheet': bytes.stylesheet,
              'bytes-image': bytes.image,
              'bytes-font': bytes.font,
              'bytes-other': bytes.other,
              'oversized-images': oversized.length,
              'dom-elements': elementCount,
            },
            evidence: {
              'horizontal-overflow-px': overflowing,
              'small-tap-targets': small.slice(0, 10),
              'small-text-share': smallTextSamples,
              'lcp-ms': lcpElement ? [describe(lcpElement)] : [],
              'lcp-image-lazy': lcpLazy ? ['img[src=' + JSON.stringify(lcpElement.getAttribute('src')) + ']'] : [],
              'cls': shiftedElements,
              'total-blocking-time-ms': longTasks.slice(0, 5).map(([s, d]) => 'task at ' + Math.round(s) + ' ms lasting ' + Math.round(d) + ' ms'),
              'oversized-images': oversized.slice(0, 5).map(x => describe(x.img) + ' (file ' + x.img.naturalWidth + 'px wide, shown ' + Math.round(x.r.width) + 'px)'),
              'largest-images': largest,
            },
            facts: {
              lcpUrl: lcp && lcp.url ? lcp.url : '',
              lcpSrc: lcpElement && lcpElement.getAttribute ? (lcpElement.getAttribute('src') || '') : '',
            },
          });
        }
        """;
}
