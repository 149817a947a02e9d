// Grouping markers that would overlap on screen, and placing labels that do not collide.
// Pure functions over pixel positions (the map projects the events at its zoom and calls these
// again whenever the zoom changes), so the grouping is the same in every browser.

/**
 * Greedy clustering: the biggest marker first; each marker not yet taken starts a group and takes
 * every untaken marker that its circle overlaps (centres closer than the two radii plus `gap`).
 * A grid of cells as wide as the largest reach keeps it near linear.
 * @param {{x: number, y: number, r: number}[]} items  pixel positions and radii
 * @returns {number[][]}  groups of indices into `items`, each seeded by its biggest marker
 */
export function clusterByOverlap(items, gap = 2) {
  const order = items.map((_, i) => i).sort((a, b) => items[b].r - items[a].r || a - b);
  const maxR = Math.max(1, ...items.map((it) => it.r));
  const cell = 2 * maxR + gap;
  const grid = new Map();
  const key = (cx, cy) => `${cx},${cy}`;
  items.forEach((it, i) => {
    const k = key(Math.floor(it.x / cell), Math.floor(it.y / cell));
    if (!grid.has(k)) grid.set(k, []);
    grid.get(k).push(i);
  });
  const taken = new Uint8Array(items.length);
  const groups = [];
  for (const seed of order) {
    if (taken[seed]) continue;
    taken[seed] = 1;
    const s = items[seed];
    const group = [seed];
    const cx = Math.floor(s.x / cell);
    const cy = Math.floor(s.y / cell);
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        for (const j of grid.get(key(cx + dx, cy + dy)) || []) {
          if (taken[j]) continue;
          const o = items[j];
          if (Math.hypot(o.x - s.x, o.y - s.y) < s.r + o.r + gap) {
            taken[j] = 1;
            group.push(j);
          }
        }
      }
    }
    groups.push(group);
  }
  return groups;
}

/**
 * Keep the labels whose boxes collide with no label kept before them (first come, first kept).
 * @param {{x: number, y: number, w: number, h: number}[]} boxes  top-left corner and size, in pixels
 * @param {{x: number, y: number, w: number, h: number}[]} taken  boxes already on the map (kept as they are)
 * @returns {boolean[]}  whether each box is kept
 */
export function placeLabels(boxes, taken = [], pad = 2) {
  const kept = [...taken];
  return boxes.map((b) => {
    const clash = kept.some((k) => b.x < k.x + k.w + pad && k.x < b.x + b.w + pad
      && b.y < k.y + k.h + pad && k.y < b.y + b.h + pad);
    if (!clash) kept.push(b);
    return !clash;
  });
}
