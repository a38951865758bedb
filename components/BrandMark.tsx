/** Sharewise's mark: a speech bubble passing an arrow on. Decorative next to the name, so hidden from assistive technology. */
export function BrandMark({ size = 20 }: { size?: number }) {
  return (
    <svg className="brand-mark" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="22" height="22" rx="6" fill="var(--accent)" />
      <path d="M7 15.5c0-3.6 2.7-6 6.5-6H15V7l4 4-4 4v-2.5h-1.5c-2.4 0-4.3.9-5.5 3z" fill="var(--accent-text)" />
    </svg>
  );
}
