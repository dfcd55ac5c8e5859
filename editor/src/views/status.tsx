import type { VersionStatus } from '../api/types.ts';

export const STATUS_NAMES: Record<VersionStatus, string> = { draft: '草稿', published: '已发布', retired: '已停用' };

export function StatusBadge({ status }: { status: VersionStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_NAMES[status]}</span>;
}

export function formatTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
