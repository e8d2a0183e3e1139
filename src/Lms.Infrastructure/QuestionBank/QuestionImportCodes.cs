namespace Lms.Infrastructure.QuestionBank;

/// <summary>
/// Stable codes of the problems the bank's import adds to those of the file formats (gift.*, xml.*) and of
/// <see cref="Lms.Domain.Questions.QuestionValidation"/>; the web layer translates them.
/// </summary>
public static class QuestionImportCodes
{
    /// <summary>The file name ends in neither .txt/.gift (GIFT) nor .xml (Moodle XML).</summary>
    public const string UnknownFormat = "import.unknown_format";
    public const string Empty = "import.empty";
    public const string TooLarge = "import.too_large";
    /// <summary>The bytes are not UTF-8 (or UTF-16 with a byte-order mark) text, or hold NUL characters (a binary file).</summary>
    public const string NotText = "import.not_text";
    /// <summary>A .xml file whose text does not start with "&lt;".</summary>
    public const string NotXml = "import.not_xml";
    /// <summary>The file was read but holds no question.</summary>
    public const string NoQuestions = "import.no_questions";
    /// <summary>An embedded file that is not a picture or a sound (by its content), or whose name does not fit its content.</summary>
    public const string FileNotAllowed = "import.file_not_allowed";
    /// <summary>An embedded file above the size limit for its kind.</summary>
    public const string FileTooLarge = "import.file_too_large";
}
