import { config } from 'zod';

// zod probes `new Function` to speed up object parsing; the CSP forbids eval, so the probe
// is reported as a violation. Without JIT zod never tries. Imported first by main.tsx.
config({ jitless: true });
