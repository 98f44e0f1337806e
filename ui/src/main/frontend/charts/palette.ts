/**
 * Colours by a series' tone, the same as the tiles' and the runs list's badges (Lumo's light colours): success
 * green, error red (dead-lettered), error-dark a darker red (failed, next to dead-lettered in one stack), warning
 * amber, contrast grey (cancelled), neutral blue. Several series of one tone (failures by error category) take
 * successive shades so that they stay apart; a chart with one series of a tone gets its main shade.
 */
const SHADES: Record<string, string[]> = {
  success: ['#158443', '#4caf78', '#8fd1a9'],
  error: ['#e21d12', '#9b1c1c', '#f0642a', '#b8336a', '#e8843c', '#8e44ad', '#c0392b', '#e67e73', '#a0522d', '#6d214f'],
  'error-dark': ['#9b1c1c', '#6d214f'],
  warning: ['#f5af00', '#c98a00', '#f7cd5c'],
  contrast: ['#8c9cb0', '#5f6b7a', '#b8c2ce'],
  neutral: ['#1676f3', '#7aa6e8', '#2d4f8f', '#58b4c9', '#8a8fd1', '#3f9fa8', '#a3b4d9', '#6b6f80'],
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
