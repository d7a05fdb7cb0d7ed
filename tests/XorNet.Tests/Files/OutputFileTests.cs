using System.Runtime.Versioning;
using System.Text;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// --save, --plot-loss, --plot-boundary, --plot-units and --plot-network: every path is checked before training and refused in one line (exit 2)
/// when it cannot be written; a regular file is replaced whole keeping its mode, a link is followed, and a device or
/// FIFO is written in place. A run that is refused or fails creates and changes nothing.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class OutputFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("xornet-outputs-").FullName;

    public void Dispose()
    {
        // Links first, by unlinking them, so that nothing below can reach through one to what it points at (a test
        // links to /). The one unwritable directory a test makes is made writable again so it can be emptied.
        foreach (FileSystemInfo entry in new DirectoryInfo(_directory).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
            {
                File.Delete(entry.FullName);
            }
        }

        string locked = Path.Combine(_directory, "locked");
        if (Directory.Exists(locked))
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(_directory, recursive: true);
    }

    public static TheoryData<string> Options => ["--save", "--plot-loss", "--plot-boundary", "--plot-units", "--plot-network"];

    [Fact]
    public void A_symlink_stays_a_link_and_its_target_gets_the_new_content()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "models"));
        string target = Path.Combine(_directory, "models", "v3.json");
        File.WriteAllText(target, "old");
        string link = Path.Combine(_directory, "latest.json");
        File.CreateSymbolicLink(link, Path.Combine("models", "v3.json"));

        (int exitCode, _, string error) = InProcess.Run("--epochs", "5", "--save", link);

        exitCode.Should().Be(ExitCodes.Success, error);
        new FileInfo(link).LinkTarget.Should().Be(Path.Combine("models", "v3.json"), "the link itself is kept");
        File.ReadAllText(target).Should().StartWith("{").And.Contain(ModelFile.FormatName);
        Directory.GetFileSystemEntries(Path.Combine(_directory, "models")).Should().Equal(target);
    }

    [Fact]
    public void A_regular_file_keeps_its_permission_bits()
    {
        string model = Path.Combine(_directory, "private.json");
        File.WriteAllText(model, "old");
        File.SetUnixFileMode(model, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        string plot = Path.Combine(_directory, "shared.svg");
        File.WriteAllText(plot, "old");
        File.SetUnixFileMode(plot, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead);

        InProcess.Run("--epochs", "5", "--save", model, "--plot-loss", plot).ExitCode.Should().Be(ExitCodes.Success);

        Posix.Mode(model).Should().Be("600");
        Posix.Mode(plot).Should().Be("664");
        File.ReadAllText(model).Should().Contain(ModelFile.FormatName);
        File.ReadAllText(plot).Should().StartWith("<svg");
    }

    [Fact]
    public async Task A_fifo_is_written_in_place_and_stays_a_fifo()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "mkfifo(1) and stat(1) as on Linux");
        string fifo = Path.Combine(_directory, "model.fifo");
        Posix.Tool("mkfifo", fifo).ExitCode.Should().Be(0);

        // Opening a FIFO for reading waits for a writer: XorNet, once it has trained.
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        Task<string> reader = Task.Run(() => File.ReadAllText(fifo), cancellationToken);
        (int exitCode, _, string error) = InProcess.Run("--epochs", "5", "--save", fifo);
        if (await Task.WhenAny(reader, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken)) != reader)
        {
            // XorNet never opened it: release the reader so that the test fails instead of hanging.
            using (new FileStream(fifo, FileMode.Open, FileAccess.Write))
            {
            }
        }

        exitCode.Should().Be(ExitCodes.Success, error);
        (await reader).Should().Contain(ModelFile.FormatName);
        Posix.Type(fifo).Should().Be("fifo");
        Directory.GetFileSystemEntries(_directory).Should().Equal(fifo);
    }

    [Fact]
    public void A_character_device_is_written_in_place_and_stays_a_device()
    {
        string device = MakeDevice("null", 3);

        (int exitCode, _, string error) = InProcess.Run("--epochs", "5", "--save", device, "--plot-loss", Path.Combine(_directory, "loss.svg"));

        exitCode.Should().Be(ExitCodes.Success, error);
        Posix.Type(device).Should().Be("character special file");
        Directory.GetFileSystemEntries(_directory).Should().BeEquivalentTo(device, Path.Combine(_directory, "loss.svg"));
    }

    [Fact]
    public void A_full_device_fails_after_training_in_one_line_and_stays_a_device()
    {
        // A copy of /dev/full (every write fails with ENOSPC), reached through a link: written in place, so the
        // failure comes from the write itself, after training, and is a failed run (exit 1), not bad input.
        string device = MakeDevice("full", 7);
        string link = Path.Combine(_directory, "model.json");
        File.CreateSymbolicLink(link, device);

        (int exitCode, string output, string error) = InProcess.Run("--epochs", "5", "--save", link);

        exitCode.Should().Be(ExitCodes.Failed);
        output.Should().Contain("Predictions after training");
        error.Should().Be($"XorNet: --save {link}: could not write it: no space left on the device.\n");
        Posix.Type(device).Should().Be("character special file");
        new FileInfo(link).LinkTarget.Should().Be(device);
        Directory.GetFileSystemEntries(_directory).Should().BeEquivalentTo(device, link);
    }

    [Fact]
    public void One_output_that_cannot_be_written_leaves_every_other_one_as_it_was()
    {
        // The model could be written, the plot cannot (a full device): the run fails, and the old model stays.
        string device = MakeDevice("full", 7);
        string plot = Path.Combine(_directory, "loss.svg");
        File.CreateSymbolicLink(plot, device);
        string model = Path.Combine(_directory, "model.json");
        File.WriteAllText(model, "the old model");

        (int exitCode, _, string error) = InProcess.Run("--epochs", "5", "--save", model, "--plot-loss", plot);

        exitCode.Should().Be(ExitCodes.Failed);
        error.Should().Be($"XorNet: --plot-loss {plot}: could not write it: no space left on the device.\n");
        File.ReadAllText(model).Should().Be("the old model");
        Directory.GetFileSystemEntries(_directory).Should().BeEquivalentTo(device, plot, model);
    }

    [Fact]
    public void An_output_that_is_the_data_file_is_refused_before_anything_is_written()
    {
        string data = Path.Combine(_directory, "xor.csv");
        File.WriteAllText(data, "0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        string link = Path.Combine(_directory, "link.svg");
        File.CreateSymbolicLink(link, data);
        string[] before = Posix.Listing(_directory);

        (int saveExit, string saveOutput, string saveError) = InProcess.Run("--epochs", "5", "--data", data, "--save", data);
        (int plotExit, _, string plotError) = InProcess.Run("--epochs", "5", "--data", data, "--plot-loss", link);

        saveExit.Should().Be(ExitCodes.BadInput);
        saveOutput.Should().BeEmpty();
        saveError.Should().Be($"XorNet: --save {data}: is the file --data {data} reads; write the results to another file.\n");
        plotExit.Should().Be(ExitCodes.BadInput);
        plotError.Should().StartWith($"XorNet: --plot-loss {link}: is the file --data");
        Posix.Listing(_directory).Should().Equal(before);
    }

    [Fact]
    public void An_output_that_is_where_standard_output_is_redirected_is_refused()
    {
        // 'XorNet --save out.txt > out.txt' would replace the file the transcript is being written to.
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc/self/fd as on Linux");
        string program = Path.Combine(AppContext.BaseDirectory, "XorNet.dll");
        string file = Path.Combine(_directory, "out.txt");

        (int exitCode, string output) = Posix.Tool("sh", "-c", "dotnet \"$0\" --epochs 5 --save \"$1\" > \"$1\" 2>&1; echo \"exit $?\"", program, file);

        exitCode.Should().Be(0);
        output.Should().Be("exit 2\n");
        File.ReadAllText(file).Should().Be($"XorNet: --save {file}: is the file standard output is redirected to, which would lose the transcript; give each its own file.\n");
    }

    [Theory]
    [InlineData("--save", "--check-gradients")]
    [InlineData("--plot-loss", "--help")]
    [InlineData("--data", "--epochs")]
    public void A_path_option_does_not_take_the_next_option_as_its_file(string option, string next)
    {
        string[] before = Posix.Listing(_directory);
        string cwd = Environment.CurrentDirectory;

        (int exitCode, string output, string error) = InProcess.Run(option, next, "5");

        exitCode.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Should().StartWith($"XorNet: {option} needs a value: ").And.Contain($"'{next}' is an option").And.EndWith("accept.\n");
        File.Exists(Path.Combine(cwd, next)).Should().BeFalse();
        Posix.Listing(_directory).Should().Equal(before);
    }

    [Fact]
    public void As_root_a_replaced_file_keeps_its_owner()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Posix.IsRoot, "only root may give a file to another user");
        string model = Path.Combine(_directory, "theirs.json");
        File.WriteAllText(model, "old");
        Posix.Tool("chown", "65534:65534", model).ExitCode.Should().Be(0);

        InProcess.Run("--epochs", "5", "--save", model).ExitCode.Should().Be(ExitCodes.Success);

        Posix.Tool("stat", "-c", "%u:%g", model).Output.Trim().Should().Be("65534:65534");
        File.ReadAllText(model).Should().Contain(ModelFile.FormatName);
    }

    [Fact]
    public void Standard_output_by_name_is_written_after_the_transcript_whether_a_pipe_or_a_file()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/dev/fd as on Linux");
        string program = Path.Combine(AppContext.BaseDirectory, "XorNet.dll");

        // /dev/fd/1 takes the same way through /proc/self/fd as /dev/stdout, but a regression that replaced it
        // could not touch the machine's /dev: nothing can be created in /proc.

        // A pipe: the picture follows the transcript.
        (int exitCode, string piped) = Posix.Tool("dotnet", program, "--epochs", "5", "--plot-loss", "/dev/fd/1");
        exitCode.Should().Be(ExitCodes.Success);
        piped.Should().StartWith("Epoch 0, Loss: ").And.Contain("Predictions after training:").And.EndWith("</svg>\n");

        // A file the shell opened: written in place after the transcript, not replaced (which would lose it).
        string file = Path.Combine(_directory, "out.txt");
        Posix.Tool("sh", "-c", "dotnet \"$0\" --epochs 5 --plot-loss /dev/fd/1 > \"$1\"", program, file).ExitCode.Should().Be(0);
        File.ReadAllText(file).Should().Be(piped);
        Posix.Type(file).Should().Be("regular file");
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void An_empty_path_is_refused(string option) =>
        Refused([option, ""], $"XorNet: {option} '': the path is empty; give a file path such as ");

    [Theory]
    [MemberData(nameof(Options))]
    public void An_existing_directory_is_refused(string option)
    {
        string directory = Path.Combine(_directory, "adir");
        Directory.CreateDirectory(directory);

        Refused([option, directory], $"XorNet: {option} {directory}: is a directory; give a file path such as {directory}/");
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void A_trailing_separator_is_refused(string option)
    {
        string existing = Path.Combine(_directory, "adir") + "/";
        Directory.CreateDirectory(existing);
        string missing = Path.Combine(_directory, "nodir") + "/";

        Refused([option, existing], $"XorNet: {option} {existing}: is a directory; give a file path such as {existing}");
        Refused([option, missing], $"XorNet: {option} {missing}: ends in '/', so it names a directory; give a file path such as {missing}");
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void A_missing_directory_is_refused(string option)
    {
        string missing = Path.Combine(_directory, "no", "such");

        Refused([option, Path.Combine(missing, "out.file")], $"XorNet: {option} {missing}/out.file: the directory {missing} does not exist.");
    }

    [Fact]
    public void A_link_to_a_directory_and_the_root_directory_are_refused()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "adir"));
        string other = Path.Combine(_directory, "dir-link");
        File.CreateSymbolicLink(other, "adir");

        Refused(["--plot-loss", other], $"XorNet: --plot-loss {other}: is a directory; give a file path such as {other}/loss.svg.");
        Refused(["--save", "/."], "XorNet: --save /.: is a directory; give a file path such as /./model.json.");
    }

    [Fact]
    public void A_file_under_a_regular_file_is_refused()
    {
        string file = Path.Combine(_directory, "plain");
        File.WriteAllText(file, "x");

        Refused(["--save", Path.Combine(file, "m.json")], $"XorNet: --save {file}/m.json: a part of {file} is not a directory.");
    }

    [Fact]
    public void An_unwritable_directory_or_file_is_refused()
    {
        File.SetUnixFileMode(_directory, (UnixFileMode)0x1ED); // 755: reachable by the unprivileged user
        string locked = Path.Combine(_directory, "locked");
        Directory.CreateDirectory(locked);
        string existing = Path.Combine(locked, "m.json");
        File.WriteAllText(existing, "old");
        File.SetUnixFileMode(existing, (UnixFileMode)0x1B6); // 666: writable, but its directory is not
        File.SetUnixFileMode(locked, (UnixFileMode)0x16D);   // 555
        string readOnly = Path.Combine(_directory, "read-only.json");
        File.WriteAllText(readOnly, "old");
        File.SetUnixFileMode(readOnly, (UnixFileMode)0x124); // 444
        string[] before = Posix.Listing(_directory);

        Posix.RunAsOrdinaryUser("--epochs", "5", "--save", Path.Combine(locked, "new.json")).Should().Be(
            (ExitCodes.BadInput, "", $"XorNet: --save {locked}/new.json: the directory {locked} is not writable.\n"));
        Posix.RunAsOrdinaryUser("--epochs", "5", "--save", existing).Should().Be(
            (ExitCodes.BadInput, "", $"XorNet: --save {existing}: the directory {locked} is not writable, and the file is replaced through it.\n"));
        Posix.RunAsOrdinaryUser("--epochs", "5", "--plot-loss", readOnly).Should().Be(
            (ExitCodes.BadInput, "", $"XorNet: --plot-loss {readOnly}: the file is not writable.\n"));
        Posix.Listing(_directory).Should().Equal(before);
        File.ReadAllText(existing).Should().Be("old");
    }

    [Fact]
    public void A_loop_of_links_is_refused()
    {
        string first = Path.Combine(_directory, "a.json");
        File.CreateSymbolicLink(first, "b.json");
        File.CreateSymbolicLink(Path.Combine(_directory, "b.json"), "a.json");

        Refused(["--save", first], $"XorNet: --save {first}: too many levels of symbolic links.");
        InProcess.Run("--data", first).Should().Be((ExitCodes.BadInput, "", $"XorNet: --data {first}: too many levels of symbolic links.\n"));
    }

    [Fact]
    public void Two_options_naming_the_same_file_are_refused()
    {
        string file = Path.Combine(_directory, "same.out");
        string link = Path.Combine(_directory, "link.out");
        File.CreateSymbolicLink(link, "same.out");
        string dotted = Path.Combine(_directory, ".", "same.out");

        Refused(["--save", file, "--plot-loss", file], $"XorNet: --plot-loss {file}: is the same file as --save {file}; give each option its own file.");
        Refused(["--save", file, "--plot-boundary", dotted], $"XorNet: --plot-boundary {dotted}: is the same file as --save {file}");
        Refused(["--plot-loss", link, "--plot-boundary", file], $"XorNet: --plot-boundary {file}: is the same file as --plot-loss {link}");
        File.WriteAllText(file, "old");
        Refused(["--plot-loss", link, "--plot-boundary", file], $"XorNet: --plot-boundary {file}: is the same file as --plot-loss {link}");
        File.ReadAllText(file).Should().Be("old");
    }

    [Fact]
    public void The_same_relative_file_through_two_spellings_is_refused()
    {
        // Relative to the working directory, which tests must not change: a name no other test uses.
        string name = $"xornet-same-{Guid.NewGuid():N}.out";

        Refused(["--save", name, "--plot-loss", "./" + name], $"XorNet: --plot-loss ./{name}: is the same file as --save {name}");
        File.Exists(name).Should().BeFalse();
    }

    [Fact]
    public void A_failed_write_leaves_the_old_file_byte_identical_and_no_temporary_file()
    {
        string path = Path.Combine(_directory, "model.json");
        byte[] old = [.. Encoding.UTF8.GetBytes("{\"old\": true}\n"), 0xFF];
        File.WriteAllBytes(path, old);
        string[] before = Posix.Listing(_directory);
        OutputFile file = OutputFile.Check("--save", path, "model.json");

        Action write = () => file.Write(stream =>
        {
            stream.Write("half a model"u8);
            throw new IOException("the disk went away");
        });

        write.Should().Throw<FileOptionException>()
            .Which.Message.Should().Be($"--save {path}: could not write it: an input/output error.");
        File.ReadAllBytes(path).Should().Equal(old);
        Posix.Listing(_directory).Should().Equal(before);
    }

    [Fact]
    public void A_rename_that_fails_leaves_no_temporary_file_and_names_none()
    {
        string path = Path.Combine(_directory, "model.json");
        OutputFile file = OutputFile.Check("--save", path, "model.json");
        Directory.CreateDirectory(Path.Combine(path, "inside")); // after the check: the rename over it fails
        string[] before = Posix.Listing(_directory);

        Action write = () => file.WriteAllText("new");

        write.Should().Throw<FileOptionException>()
            .Which.Message.Should().StartWith($"--save {path}: could not write it: ").And.NotContain(".tmp").And.NotContain("/.xornet-");
        Posix.Listing(_directory).Should().Equal(before);
    }

    // Checks one refused run: exit 2 before the first epoch, one line on stderr, nothing on stdout, nothing created.
    private void Refused(string[] args, string expected)
    {
        string[] before = Posix.Listing(_directory);

        (int exitCode, string output, string error) = InProcess.Run(["--epochs", "5", .. args]);

        exitCode.Should().Be(ExitCodes.BadInput, error);
        output.Should().BeEmpty("nothing is trained");
        error.Should().StartWith(expected).And.EndWith("\n");
        error.TrimEnd('\n').Should().NotContain("\n");
        Posix.Listing(_directory).Should().Equal(before);
    }

    // A character device like /dev/null (minor 3) or /dev/full (minor 7), made with mknod(1) in the test directory.
    private string MakeDevice(string name, int minor)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Posix.IsRoot, "mknod needs root");
        string device = Path.Combine(_directory, name);
        Assert.SkipWhen(
            Posix.Tool("mknod", device, "c", "1", minor.ToString(System.Globalization.CultureInfo.InvariantCulture)).ExitCode != 0,
            "mknod is not allowed here (no CAP_MKNOD)");
        return device;
    }
}
