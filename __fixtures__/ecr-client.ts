// A fake ECR client: answers each command by its class (DescribeImagesCommand → a function of
// its input) and records what was sent. I/O modules take `Pick<ECRClient, 'send'>`, so tests
// hand them `fake.client` instead of mocking the SDK.
import type { ECRClient } from '@aws-sdk/client-ecr';

/** What every SDK v3 command instance has: its input, and a handler that yields its output. */
interface CommandShape {
  readonly input: object;
}
type InputOf<C> = C extends { readonly input: infer I } ? I : never;
type OutputOf<C> = C extends { resolveMiddleware(...args: never[]): (...args: never[]) => Promise<{ output: infer O }> } ? O : never;
/** The response without `$metadata`, which the fake fills in. */
export type Response<C> = Omit<OutputOf<C>, '$metadata'>;
type CommandClass<C extends CommandShape> = new (...args: never[]) => C;
/** Answers one call: returns the response, or throws the service's error. `call` counts from 0. */
export type Answer<C> = (input: InputOf<C>, call: number) => Response<C> | Promise<Response<C>>;

export interface SentCommand {
  command: string;
  input: object;
}

export class FakeEcrClient {
  /** Every command sent, in order. */
  readonly sent: SentCommand[] = [];
  // Keyed by the command's class (the instance's constructor).
  private readonly answers = new Map<unknown, (input: object, call: number) => unknown>();
  private readonly calls = new Map<unknown, number>();

  /** The fake, typed as the modules under test expect. SDK `send` is overloaded; ours is the promise form. */
  readonly client: Pick<ECRClient, 'send'> = {
    send: ((command: CommandShape) => this.dispatch(command)) as unknown as ECRClient['send'],
  };

  on<C extends CommandShape>(command: CommandClass<C>, answer: Answer<C>): this {
    this.answers.set(command, answer as (input: object, call: number) => unknown);
    return this;
  }

  /** The inputs of every call of one command, in order. */
  inputsOf<C extends CommandShape>(command: CommandClass<C>): Array<InputOf<C>> {
    return this.sent.filter((s) => s.command === command.name).map((s) => s.input as InputOf<C>);
  }

  /** The command names sent, in order. */
  commandNames(): string[] {
    return this.sent.map((s) => s.command);
  }

  private async dispatch(command: CommandShape): Promise<unknown> {
    const type = command.constructor;
    this.sent.push({ command: type.name, input: command.input });
    const answer = this.answers.get(type);
    if (!answer) throw new Error(`FakeEcrClient: no answer for ${type.name}`);
    const call = this.calls.get(type) ?? 0;
    this.calls.set(type, call + 1);
    const response = await answer(command.input, call);
    return { $metadata: {}, ...(response as object) };
  }
}

/** An AWS service error as the SDK throws it (e.g. awsError(RepositoryNotFoundException, '…')). */
export function awsError<E extends Error>(type: new (options: { message: string; $metadata: object }) => E, message: string): E {
  return new type({ message, $metadata: {} });
}
