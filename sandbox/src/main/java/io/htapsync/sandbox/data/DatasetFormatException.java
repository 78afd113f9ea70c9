package io.htapsync.sandbox.data;

/** A dataset file that cannot be used; the message names the file, the place in it and the problem. */
public final class DatasetFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatasetFormatException(String message) {
        super(message);
    }

    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
