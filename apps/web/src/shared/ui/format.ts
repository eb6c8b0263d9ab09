/**
 * Times are shown in Asia/Shanghai whatever the browser's zone. China has had no daylight
 * saving since 1991, so a fixed +08:00 is exact (the domain package reasons the same way).
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** A wall-clock time picked in the UI ('YYYY-MM-DDTHH:mm:ss'), read as Shanghai time. */
export function shanghaiWallClockToIso(wallClock: string): string {
  return `${wallClock}+08:00`;
}
