// INCI Atlas: progressive enhancement only. Every page works without this script.
(() => {
  window.inciAtlas = window.inciAtlas || {};
})();
