/**
 * The client's transport internals: executing attempts, mapping answers to results or exceptions.
 * Public only so that the client package can use them; not part of the API and may change.
 */
package io.htapsync.client.internal;
