package io.htapsync.client.exception;

/**
 * A {@link io.htapsync.client.json.NumericString} could not be converted to the number type asked
 * for: its text is not a decimal number, or the value does not fit the type exactly.
 */
public class NumericConversionException extends HtapSyncException {
  private static final long serialVersionUID = 1L;

  public NumericConversionException(String message) {
    super(message);
  }
}
