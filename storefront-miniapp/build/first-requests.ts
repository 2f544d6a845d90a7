import type { OutputChunk } from "rollup"
import type { IndexHtmlTransformContext, Plugin } from "vite"

/** The chunks a deep-linked course page needs before its Buy works: the page and the Telegram client. */
const DEEP_COURSE_ENTRIES = ["/src/pages/CoursePage.tsx", "/src/telegram/client.ts"]

function deepCourseChunks(context: IndexHtmlTransformContext): string[] {
  const chunks = Object.values(context.bundle ?? {}).filter((file): file is OutputChunk => file.type === "chunk")
  const files = new Set<string>()
  const add = (chunk: OutputChunk | undefined) => {
    if (!chunk || chunk.isEntry || files.has(chunk.fileName)) return
    files.add(chunk.fileName)
    chunk.imports.forEach((name) => add(chunks.find((other) => other.fileName === name)))
  }
  for (const entry of DEEP_COURSE_ENTRIES) add(chunks.find((chunk) => chunk.facadeModuleId?.endsWith(entry)))
  return [...files].map((fileName) => `/${fileName}`)
}

/**
 * An inline script in index.html that asks for what the first screen needs while the JS bundle
 * is still downloading, all at once: /storefront/config beside the catalogue from the key-less
 * /storefront/catalog (the same answer /store/catalog gives with the store's key), so nothing
 * waits for another answer. The app takes the answers from `window.__aistoreBoot` (and asks
 * again itself if they failed; an answer already there draws the first frame). The language
 * rule is src/i18n/language.ts's `pickLanguage`. Only launches with initData in the hash (every
 * Telegram launch) are served this way; a deep link to a course or an order skips the
 * catalogue; one to a course asks for the course instead and then preloads the course page's
 * and the Telegram client's chunks, which its Buy needs (after the request: a browser opens six
 * connections to an origin, and the bundle, stylesheet and config hold three of them).
 */
export function firstRequests(backendUrl: string): Plugin {
  const script = (preload: string[]) =>
    `(function(){try{
var h=new URLSearchParams(location.hash.slice(1)),d=h.get("tgWebAppData");if(!d)return;
var u=JSON.parse(new URLSearchParams(d).get("user")||"{}"),c=String(u.language_code||"").toLowerCase().split(/[-_]/)[0];
var l=!c||/^(ru|uk|be|kk)$/.test(c)?"ru-RU":"en-US",b=${JSON.stringify(backendUrl)};
var j=function(r){return r.ok?r.json():Promise.reject(new Error(String(r.status)))};
var config=fetch(b+"/storefront/config").then(j);
var deep=/^(course|order)_/.test(h.get("tgWebAppStartParam")||"");
var boot=window.__aistoreBoot={locale:l,config:config};
boot.catalog=deep?Promise.reject(new Error("deep link")):fetch(b+"/storefront/catalog?locale="+l).then(j).then(function(c){boot.catalogData=c;return c});
var m=/^course_([a-z0-9-]{1,63})$/.exec(h.get("tgWebAppStartParam")||"");
if(m){boot.course={handle:m[1],promise:fetch(b+"/storefront/catalog/courses/"+m[1]+"?locale="+l).then(j)};boot.course.promise.catch(function(){});
${JSON.stringify(preload)}.forEach(function(u){var k=document.createElement("link");k.rel="modulepreload";k.href=u;document.head.appendChild(k)})}
config.catch(function(){});boot.catalog.catch(function(){});
}catch(e){}})()`.replace(/\n/g, "")
  return {
    name: "aistore:first-requests",
    // At index.html's placeholder: before the stylesheet, which a script after it would wait for.
    transformIndexHtml: (html, context) =>
      html.replace("<!-- first-requests -->", `<script>${script(deepCourseChunks(context))}</script>`),
  }
}
