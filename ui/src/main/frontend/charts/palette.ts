/**
 * Colours by a series' tone. Several series of one tone (failures by error class) take successive shades so that
 * they stay apart; a chart with one series of a tone gets its main shade.
 */
const SHADES: Record<string, string[]> = {
  success: ['#2f9e5f', '#61b985', '#9dd3b0'],
  error: ['#d64545', '#e8843c', '#b8336a', '#f0b429', '#8e44ad', '#c0392b', '#e67e73', '#a0522d', '#ff8fa3', '#6d214f'],
  warning: ['#e0a030', '#f2c46d', '#b97d10'],
  neutral: ['#4f7ccf', '#7aa6e8', '#2d4f8f', '#58b4c9', '#8a8fd1', '#3f9fa8', '#a3b4d9', '#6b6f80'],
};

export function colours(tones: string[]): string[] {
  const used: Record<string, number> = {};
  return tones.map((tone) => {
    const shades = SHADES[tone] ?? SHADES.neutral;
    const index = used[tone] ?? 0;
    used[tone] = index + 1;
    return shades[index % shades.length];
  });
}
