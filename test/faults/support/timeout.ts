// Fault scenarios start servers and processes, kill them and wait for recovery (BullMQ's stalled-job check
// alone takes up to a minute after a kill -9) on a shared 2-core machine.
jest.setTimeout(300_000);
