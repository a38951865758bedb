import { useEffect, useState } from 'react';

/**
 * The clock for rendering: read once when the component mounts and again every minute, so a render is a
 * pure function of state (React's rule) and dates such as "this week" or a pause's end still move on while
 * a page stays open.
 */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
