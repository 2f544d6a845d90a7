import type { Plugin } from "vite"

/**
 * An inline script in index.html that asks for what the first screen needs, config and then
 * the catalogue, while the JS bundle is still downloading: the catalogue no longer waits for
 * the bundle to arrive and run. The app takes the answers from `window.__aistoreBoot` (and asks
 * again itself if they failed; an answer already there draws the first frame). The language rule is src/i18n/language.ts's `pickLanguage`.
 * Only launches with initData in the hash (every Telegram launch) are served this way; a deep
 * link to a course or an order skips the catalogue.
 */
export function firstRequests(backendUrl: string): Plugin {
  const script = `(function(){try{
var h=new URLSearchParams(location.hash.slice(1)),d=h.get("tgWebAppData");if(!d)return;
var u=JSON.parse(new URLSearchParams(d).get("user")||"{}"),c=String(u.language_code||"").toLowerCase().split(/[-_]/)[0];
var l=!c||/^(ru|uk|be|kk)$/.test(c)?"ru-RU":"en-US",b=${JSON.stringify(backendUrl)};
var j=function(r){return r.ok?r.json():Promise.reject(new Error(String(r.status)))};
var config=fetch(b+"/storefront/config").then(j);
var deep=/^(course|order)_/.test(h.get("tgWebAppStartParam")||"");
var boot=window.__aistoreBoot={locale:l,config:config};
boot.catalog=deep?Promise.reject(new Error("deep link")):config.then(function(s){return fetch(b+"/store/catalog?locale="+l,{headers:{"x-publishable-api-key":s.publishable_key,"x-medusa-locale":l}})}).then(j).then(function(c){boot.catalogData=c;return c});
config.catch(function(){});boot.catalog.catch(function(){});
}catch(e){}})()`.replace(/\n/g, "")
  return {
    name: "aistore:first-requests",
    // At index.html's placeholder: before the stylesheet, which a script after it would wait for.
    transformIndexHtml: (html) => html.replace("<!-- first-requests -->", `<script>${script}</script>`),
  }
}
