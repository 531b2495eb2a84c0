/** Inline SVG icons (no icon font): decorative, beside a visible label, so hidden from assistive tech. */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="icon" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const OpenIcon = () => (
  <Icon>
    <path d="M2 4.5V12a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V6a1 1 0 0 0-1-1H8L6.5 3.5H3A1 1 0 0 0 2 4.5z" />
  </Icon>
);
export const InspectorIcon = () => (
  <Icon>
    <circle cx="7" cy="7" r="4" />
    <path d="M10 10l4 4" />
  </Icon>
);
export const ShieldIcon = () => (
  <Icon>
    <path d="M8 1.8l5 2v4c0 3-2.2 5.2-5 6.4C5.2 13 3 10.8 3 7.8v-4z" />
  </Icon>
);
export const FilesIcon = () => (
  <Icon>
    <path d="M4 1.8h5l3 3V14H4z" />
    <path d="M9 1.8v3h3" />
  </Icon>
);
export const ModuleIcon = () => (
  <Icon>
    <path d="M8 1.8l5.5 3v6.4L8 14.2l-5.5-3V4.8z" />
    <path d="M2.5 4.8L8 8l5.5-3.2M8 8v6.2" />
  </Icon>
);
export const InputIcon = () => (
  <Icon>
    <path d="M2 4h12M2 8h8M2 12h10" />
  </Icon>
);
export const OutputIcon = () => (
  <Icon>
    <rect x="2" y="2.5" width="12" height="11" rx="1.5" />
    <path d="M5 6.5l2 1.5-2 1.5M8.5 10h2.5" />
  </Icon>
);
export const ConsoleIcon = () => (
  <Icon>
    <path d="M3 4l4 4-4 4M8.5 12H13" />
  </Icon>
);
