package kubelab.notebook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a Mermaid diagram goes to a notebook: one MIME bundle that each front end can draw. The
 * classic Notebook (6.4, what {@code ./kubelab notebook} serves) does not know Mermaid, so the
 * {@code text/html} entry carries the source in a {@code <pre class="mermaid">} and a small script
 * that loads the course's own copy of {@code mermaid.min.js} (served by the notebook server as
 * {@code <base_url>static/kubelab/mermaid.min.js}, no internet needed) once per page and draws it.
 * JupyterLab, VS Code and GitHub draw the {@code text/markdown} entry's {@code mermaid} fence;
 * {@code text/plain} is the source.
 *
 * <p>Where scripts do not run (a notebook Jupyter does not trust, a viewer without the server) the
 * source stays on the page, readable. mermaid.min.js v11 is one IIFE that sets
 * {@code window.mermaid}, but it bundles UMD modules that would register with require.js, which
 * Notebook 6 has loaded: {@code define} is hidden while it loads.
 *
 * <p>Real Kubernetes: none; course tooling.
 */
public final class Mermaid {
    /** Under the notebook server's base URL; {@code kubelab notebook} serves the file there. */
    public static final String SCRIPT_PATH = "static/kubelab/mermaid.min.js";

    /** Loads mermaid once per page (a promise on window), then draws every diagram not drawn yet. */
    private static final String SCRIPT = """
            <script>
            (function () {
              var w = window;
              if (!w.kubelabMermaid) {
                w.kubelabMermaid = new Promise(function (resolve, reject) {
                  if (w.mermaid) { resolve(w.mermaid); return; }
                  var base = (document.body && document.body.dataset.baseUrl) || '/';
                  var s = document.createElement('script');
                  var define = w.define; // require.js: no bundled UMD module may register with it
                  var done = function () { if (w.define === undefined) { w.define = define; } };
                  s.src = base + '%s';
                  s.onload = function () {
                    done();
                    w.mermaid.initialize({ startOnLoad: false });
                    resolve(w.mermaid);
                  };
                  s.onerror = function () { done(); reject(new Error('cannot load ' + s.src)); };
                  w.define = undefined;
                  document.head.appendChild(s);
                });
              }
              w.kubelabMermaid.then(function (m) {
                return m.run({ querySelector: '.kubelab-mermaid pre.mermaid', suppressErrors: true });
              }).catch(function (e) { console.warn('KubeLab: the Mermaid diagram stays as source:', e); });
            })();
            </script>
            """.formatted(SCRIPT_PATH);

    private Mermaid() {
    }

    /** The bundle for one diagram: {@code text/html}, {@code text/markdown} and {@code text/plain}. */
    public static Map<String, String> bundle(String source) {
        String s = source.strip() + "\n";
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html(s));
        bundle.put("text/markdown", "```mermaid\n" + s + "```\n");
        bundle.put("text/plain", s);
        return bundle;
    }

    /** The source in a {@code <pre class="mermaid">} (mermaid reads its text) and the script that draws it. */
    static String html(String source) {
        return "<div class=\"kubelab-mermaid\">\n<pre class=\"mermaid\">" + escape(source) + "</pre>\n" + SCRIPT + "</div>\n";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
