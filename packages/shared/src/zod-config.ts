import { z } from 'zod';

// In a browser, zod probes `new Function` for its fast path; the hall's Content-Security-Policy
// (no 'unsafe-eval') reports that probe as a violation. Screens parse little, so they go
// without the fast path; the server keeps it.
if (typeof window !== 'undefined') z.config({ jitless: true });
