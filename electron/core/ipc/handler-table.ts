import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../../shared/contract'

/** Who is calling: the frame URL as main saw it (already checked by dispatch). */
export interface CallContext {
  readonly senderUrl: string
}

export type Handler<C extends ChannelName> = (
  request: ParsedRequestOf<C>,
  context: CallContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>

/** One handler per contract channel, no more, no fewer: the type checker holds the line. */
export type HandlerTable = { readonly [C in ChannelName]: Handler<C> }

/** A slice of the table built by one domain's handler factory. */
export type HandlerGroup<C extends ChannelName> = { readonly [K in C]: Handler<K> }

/** The channel names of one domain's contract table (e.g. `typeof intakeChannels`): named once, there. */
export type ChannelsOf<Table> = Extract<keyof Table, ChannelName>
