import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { ApiProblem } from '../problem/problem';

/**
 * Counts commands in flight so shutdown can wait for them: a command that started is appended (or
 * fails) before the stores close. Once draining, new commands are refused with 503.
 */
@Injectable()
export class CommandGate implements BeforeApplicationShutdown {
  private inFlight = 0;
  private draining = false;
  private idle: Array<() => void> = [];

  async track<T>(work: () => Promise<T>): Promise<T> {
    if (this.draining) throw new ApiProblem(503, 'SERVICE.SHUTTING_DOWN', 'The service is shutting down; retry on another instance');
    this.inFlight++;
    try {
      return await work();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) this.idle.splice(0).forEach((resolve) => resolve());
    }
  }

  get pending(): number {
    return this.inFlight;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.draining = true;
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
  }
}
