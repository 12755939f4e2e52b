import type { Context } from '@lit/context';
import type { DeliveryStatusSource } from './delivery.js';

/**
 * The context key under which a host that gives changes back to the
 * hospital's EHR provides the delivery's status (the ehr/ layer's delivery
 * controller) to the elements below it. Its presence is also what tells the
 * elements to say where each record stands with the EHR: a store queues
 * changes whether or not anything delivers them.
 */
export const deliveryStatusContext = 'emr-delivery-status' as Context<
  'emr-delivery-status',
  DeliveryStatusSource
>;
