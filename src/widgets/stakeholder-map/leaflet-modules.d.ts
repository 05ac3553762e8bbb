// Leaflet's ES module build has the same API as the package's main (UMD) entry.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}

// Leaflet.markercluster's ES sources extend the global `L` when evaluated.
declare module 'leaflet.markercluster/src/index.js';
