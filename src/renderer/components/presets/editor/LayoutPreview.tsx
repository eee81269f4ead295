import { useTranslation } from 'react-i18next';
import type { Preset, PresetScene, SourceRole } from '../../../../shared/presets/preset-schema';

const fills: Record<SourceRole, string> = {
  camera: '#6b8fb8',
  microphone: 'none',
  image: '#9bb88f',
  text: '#ffffff',
  color: '#1d3557',
  media: '#b89b6b',
};

/** The scene's visible sources as boxes in a 16:9 frame, bottom first, as OBS stacks them. */
export function LayoutPreview({ preset, scene }: { preset: Preset; scene: PresetScene }) {
  const { t } = useTranslation();
  return (
    <svg
      className="preset-editor__preview"
      viewBox="0 0 160 90"
      role="img"
      aria-label={t('presets.editor.preview', { name: scene.name })}
    >
      <rect x="0" y="0" width="160" height="90" fill="#222" />
      {scene.items.map((item) => {
        const source = preset.sources.find((s) => s.id === item.source);
        const l = item.layout;
        if (!source || !l || ![l.x, l.y, l.w, l.h].every(Number.isFinite)) return null;
        const fill = source.role === 'color' ? source.color : fills[source.role];
        return (
          <g key={item.source}>
            <rect
              x={l.x * 160}
              y={l.y * 90}
              width={Math.max(0, l.w * 160)}
              height={Math.max(0, l.h * 90)}
              fill={fill}
              fillOpacity={source.role === 'text' ? 0.25 : 0.9}
              stroke="#ffcf3f"
              strokeWidth="0.5"
            />
            <text
              x={l.x * 160 + 2}
              y={l.y * 90 + 7}
              fontSize="6"
              fill={source.role === 'text' ? '#fff' : '#000'}
              stroke="none"
            >
              {source.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
