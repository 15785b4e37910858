// End-to-end cases build and push real images and wait for scans: minutes, not jest's 5 s.
import { jest } from '@jest/globals';

jest.setTimeout(300_000);
