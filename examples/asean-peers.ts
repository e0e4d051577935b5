// Thailand among its ASEAN peers, from the world panel that ships with cpi-gap (TI's CPI 2012-2025,
// values unchanged): no TI file to download. Prints the group rank, the distance to the median and
// the best, the peers Thailand is statistically tied with, and the sources it lags on; then the
// same for 2022, the last year of the seed's table, and Indonesia's gap to 51 from its own dataset.
// Run: npx tsx examples/asean-peers.ts
// (In your own project: import { peerComparison, worldDataset } from 'cpi-gap/world'.)
import { cpiGap, thailand } from '../src/index.js';
import { peerComparison, worldDataset } from '../src/world/index.js';

for (const year of [2025, 2022]) {
  const p = peerComparison(thailand, { group: 'asean', year });
  const best = p.peers.filter((r) => p.best.iso3.includes(r.iso3)).map((r) => r.name.en).join(', ');
  console.log(`CPI ${year}: Thailand ${p.score}, ${p.groupRank} of ${p.groupSize} in ASEAN (world rank ${p.rank} of ${p.countries})`);
  console.log(`  group median ${p.median} (${p.toMedian >= 0 ? '+' : ''}${p.toMedian}), best ${p.best.score} (${best}, ${p.toBest})`);
  const tied = p.peers.filter((r) => r.tied === true).map((r) => `${r.name.en} ${r.score}`);
  console.log(`  statistically tied (${p.significance.test}, ${p.significance.alpha * 100}%): ${tied.join(', ') || 'none'}`);
  for (const s of p.sources.filter((x) => x.gap > 0).slice(0, 3)) {
    console.log(`  lags on ${s.source.padEnd(5)} ${s.score.toFixed(2)} against the peers' median ${s.peerMedian.toFixed(2)} (${s.peers} peers)`);
  }
  if (p.group.unscored.length > 0) console.log(`  not scored in ${year}: ${p.group.unscored.join(', ')}`);
}

const idn = worldDataset('IDN');
const g = cpiGap(idn, { target: 51 });
console.log(`\nIndonesia ${g.year}: CPI ${g.published ?? '-'}, mean ${g.mean.toFixed(2)} of ${g.n} sources; 51 needs +${g.totalUplift.toFixed(2)} points in all (${g.evenUplift.toFixed(2)} per source).`);
console.log('Source: Transparency International, Corruption Perceptions Index (CC BY-ND 4.0).');
