package io.htapsync.client;

/** The language of the service's error messages, sent as {@code X-Language}. */
public enum Language {
  EN_US("en-us"),
  ZH_CN("zh-cn");

  private final String headerValue;

  Language(String headerValue) {
    this.headerValue = headerValue;
  }

  /** The value sent in {@code X-Language}. */
  public String headerValue() {
    return headerValue;
  }

  /**
   * The language for {@code en-us} or {@code zh-cn} (any casing).
   *
   * @throws IllegalArgumentException for another value
   */
  public static Language fromHeaderValue(String value) {
    for (Language language : values()) {
      if (language.headerValue.equalsIgnoreCase(value)) {
        return language;
      }
    }
    throw new IllegalArgumentException("unknown language \"" + value + "\"; known: en-us, zh-cn");
  }
}
