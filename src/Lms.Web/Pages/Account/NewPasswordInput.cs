using System.ComponentModel.DataAnnotations;

namespace Lms.Web.Pages.Account;

/// <summary>A new password typed twice, shared by "reset" and "change" so both apply the same checks.</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "Please enter a new password.")]
    [StringLength(200, MinimumLength = 8, ErrorMessage = "Passwords must be at least 8 characters.")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Please repeat the new password.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match.")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";
}
